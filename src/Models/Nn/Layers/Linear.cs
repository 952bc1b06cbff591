using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>y = x·Wᵀ + b: weight [out, in], bias [out]; PyTorch's default initialisation.</summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer, drawing its initial weights from <paramref name="random"/>.</summary>
    public Linear(int inFeatures, int outFeatures, Random random, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Bias = bias ? RegisterParameter("bias", Tensor.Zeros(outFeatures)) : null;
        Initializers.DefaultLayer(Weight, Bias, inFeatures, random);
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>[out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>[out], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
}
