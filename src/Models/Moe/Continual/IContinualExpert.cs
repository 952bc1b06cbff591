namespace EdgeMoE.Models.Moe.Continual;

/// <summary>An expert that learns tasks one after another and can say how well it now does on every cluster.</summary>
/// <typeparam name="TData">The tasks' training data.</typeparam>
public interface IContinualExpert<in TData> : IDisposable
{
    /// <summary>Learns one task; returns the change of its parameters, ‖θ_after − θ_before‖₂.</summary>
    double Fit(TData data);

    /// <summary>
    /// The change ‖θ_after − θ_before‖₂ that <see cref="Fit"/> would make for <paramref name="data"/>, leaving the expert as it
    /// is (the gate's locality cost of routing the task here). By default a fit between a save and a restore.
    /// </summary>
    double ChangeToFit(TData data)
    {
        using var before = Save();
        var change = Fit(data);
        Restore(before);
        return change;
    }

    /// <summary>Its current error on each of the N clusters (the metric's oracle; routing never sees it).</summary>
    double[] ErrorByCluster();

    /// <summary>A copy of everything it has learned, for a checkpoint; restoring it into a fresh expert continues exactly.</summary>
    ContinualExpertState Save();

    /// <summary>Puts back what <see cref="Save"/> gave (of an expert made with the same settings).</summary>
    /// <exception cref="ArgumentException">The state does not fit this expert.</exception>
    void Restore(ContinualExpertState state);
}
