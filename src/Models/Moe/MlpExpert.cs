using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// A fully connected expert on flat inputs [N, InputSize] (images are flattened): an <see cref="Mlp"/>
/// from the input through the hidden widths to <see cref="OutputSize"/> outputs.
/// </summary>
public sealed class MlpExpert : Module
{
    private readonly Mlp _mlp;

    /// <summary>Builds the expert with PyTorch's default initialisation from <paramref name="random"/>.</summary>
    public MlpExpert(int inputSize, IReadOnlyList<int> hiddenSizes, int outputSize, Random random, Activation activation = Activation.Relu)
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        InputSize = inputSize;
        OutputSize = outputSize;
        _mlp = RegisterModule("mlp", new Mlp([inputSize, .. hiddenSizes, outputSize], random, activation));
    }

    /// <summary>Features per input row.</summary>
    public int InputSize { get; }

    /// <summary>Values per output row.</summary>
    public int OutputSize { get; }

    /// <summary>Outputs [N, OutputSize]; inputs of any shape [N, ...] with InputSize elements per row.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _mlp.Forward(input.Rank == 2 ? input : Functional.Flatten(input));
    }
}
