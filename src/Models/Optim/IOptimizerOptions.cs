namespace EdgeMoE.Models.Optim;

/// <summary>Hyper-parameters of an optimiser.</summary>
public interface IOptimizerOptions
{
    /// <summary>Throws an exception naming the field at fault when a value is out of range.</summary>
    void Validate();
}
