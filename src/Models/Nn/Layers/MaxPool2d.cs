using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>Max pooling with a square window; stride defaults to the window.</summary>
public sealed class MaxPool2d(int kernelSize, int? stride = null) : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.MaxPool2d(input, kernelSize, stride);
}
