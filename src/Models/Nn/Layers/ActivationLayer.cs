using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>A parameter-free element-wise activation as a module (for <see cref="Sequential"/>).</summary>
public sealed class ActivationLayer(Activation activation) : Module
{
    /// <summary>Which function this layer applies.</summary>
    public Activation Function { get; } = activation;

    /// <summary>A layer applying <paramref name="activation"/>.</summary>
    public static ActivationLayer Create(Activation activation) => new(activation);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Function switch
    {
        Activation.Relu => Functional.Relu(input),
        Activation.Gelu => Functional.Gelu(input),
        Activation.Tanh => Functional.Tanh(input),
        Activation.Sigmoid => Functional.Sigmoid(input),
        _ => throw new ArgumentOutOfRangeException(nameof(input), $"unknown activation {Function}"),
    };
}
