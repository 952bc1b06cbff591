using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>Layer normalisation over the last dimension with learnable γ (ones) and β (zeros).</summary>
public sealed class LayerNorm : Module
{
    /// <summary>Normalises vectors of <paramref name="features"/> elements.</summary>
    public LayerNorm(int features, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        Epsilon = epsilon;
        Weight = RegisterParameter("weight", Tensor.Full(1f, features));
        Bias = RegisterParameter("bias", Tensor.Zeros(features));
    }

    /// <summary>Added to the variance, for stability.</summary>
    public float Epsilon { get; }

    /// <summary>γ.</summary>
    public Tensor Weight { get; }

    /// <summary>β.</summary>
    public Tensor Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, Weight, Bias, Epsilon);
}
