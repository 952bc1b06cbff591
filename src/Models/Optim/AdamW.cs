using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Optim;

/// <summary>AdamW (Loshchilov &amp; Hutter): Adam with decoupled weight decay, PyTorch's default λ = 0.01.</summary>
public sealed class AdamW(IReadOnlyList<Tensor> parameters, AdamW.Options options)
    : Adam(parameters, new Adam.Options(options.LearningRate, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay, Decoupled: true))
{
    /// <summary>AdamW hyper-parameters (see <see cref="Adam.Options"/>).</summary>
    public new sealed record Options(float LearningRate = 1e-3f, float Beta1 = 0.9f, float Beta2 = 0.999f, float Epsilon = 1e-8f, float WeightDecay = 1e-2f);
}
