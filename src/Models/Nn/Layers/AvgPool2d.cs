using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>Average pooling with a square window; stride defaults to the window.</summary>
public sealed class AvgPool2d(int kernelSize, int? stride = null) : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.AvgPool2d(input, kernelSize, stride);
}
