using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>2-D convolution [N, C, H, W] → [N, Cout, OH, OW]: weight [Cout, C, k, k], bias [Cout].</summary>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer with PyTorch's default initialisation (fan_in = C·k·k).</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, Random random, int stride = 1, int padding = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        Stride = stride;
        Padding = padding;
        Weight = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels, kernelSize, kernelSize));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outChannels)) : null;
        Initializers.DefaultLayer(Weight, Bias, inChannels * kernelSize * kernelSize, random);
    }

    /// <summary>Step of the window, pixels.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on each side, pixels.</summary>
    public int Padding { get; }

    /// <summary>[Cout, C, k, k].</summary>
    public Tensor Weight { get; }

    /// <summary>[Cout], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.Conv2d(input, Weight, Bias, Stride, Padding);
}
