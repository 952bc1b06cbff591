using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// A fully connected expert on flat inputs [N, InputSize] (images are flattened): an <see cref="Mlp"/>
/// from the input through the hidden widths to <see cref="OutputSize"/> outputs.
/// </summary>
public sealed class MlpExpert : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "mlp")]
    private readonly Mlp _mlp;

    /// <summary>Builds the expert with PyTorch's default initialisation drawn from <paramref name="generator"/>.</summary>
    public MlpExpert(int inputSize, IReadOnlyList<int> hiddenSizes, int outputSize, Generator generator, Activation activation = Activation.Relu)
        : base(nameof(MlpExpert))
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        InputSize = inputSize;
        OutputSize = outputSize;
        _mlp = new Mlp([inputSize, .. hiddenSizes, outputSize], generator, activation);
        RegisterComponents();
    }

    /// <summary>Features per input row.</summary>
    public int InputSize { get; }

    /// <summary>Values per output row.</summary>
    public int OutputSize { get; }

    /// <summary>Outputs [N, OutputSize]; inputs of any shape [N, ...] with InputSize elements per row.</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = torch.NewDisposeScope();
        return _mlp.forward(input.dim() == 2 ? input : input.flatten(1)).MoveToOuterDisposeScope();
    }
}
