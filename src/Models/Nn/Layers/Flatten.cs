using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>[N, ...] → [N, rest], a view.</summary>
public sealed class Flatten : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.Flatten(input);
}
