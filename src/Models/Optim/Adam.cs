using System.Runtime.CompilerServices;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Optim;

/// <summary>
/// Adam as PyTorch's torch.optim.Adam (L2 weight decay added to the gradient) and, with
/// <see cref="Options.Decoupled"/>, AdamW (θ ← θ(1 − lr·λ) before the update). Per step t:
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − (lr/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).
/// </summary>
public class Adam(IReadOnlyList<Tensor> parameters, Adam.Options options) : Optimizer<Adam.Options, Adam.State>(parameters, options)
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var o = Settings;
        var state = StateFor(index, parameter.Length);
        state.Step++;
        var bias1 = 1 - Math.Pow(o.Beta1, state.Step);
        var bias2Sqrt = (float)Math.Sqrt(1 - Math.Pow(o.Beta2, state.Step));
        var stepSize = (float)(o.LearningRate / bias1);
        var decay = o.Decoupled ? 1f - (o.LearningRate * o.WeightDecay) : 1f;
        var l2 = o.Decoupled ? 0f : o.WeightDecay;
        float beta1 = o.Beta1, beta2 = o.Beta2, eps = o.Epsilon;
        var m = state.FirstMoment;
        var v = state.SecondMoment;
        for (var i = 0; i < parameter.Length; i++)
        {
            var p = parameter[i] * decay;
            var g = gradient[i] + (l2 * parameter[i]);
            m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
            v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);
            parameter[i] = p - (stepSize * m[i] / ((MathF.Sqrt(v[i]) / bias2Sqrt) + eps));
        }
    }

    /// <inheritdoc />
    protected override State CreateState(int length) => new(length);

    /// <summary>Adam/AdamW hyper-parameters.</summary>
    /// <param name="LearningRate">Step size, &gt; 0.</param>
    /// <param name="Beta1">First-moment decay β₁ in [0, 1).</param>
    /// <param name="Beta2">Second-moment decay β₂ in [0, 1).</param>
    /// <param name="Epsilon">Added to the denominator, &gt; 0.</param>
    /// <param name="WeightDecay">λ ≥ 0: L2 penalty (Adam) or decoupled decay (AdamW).</param>
    /// <param name="Decoupled">True for AdamW.</param>
    public sealed record Options(float LearningRate = 1e-3f, float Beta1 = 0.9f, float Beta2 = 0.999f, float Epsilon = 1e-8f, float WeightDecay = 0f, bool Decoupled = false) : IOptimizerOptions
    {
        /// <summary>Throws naming the field at fault.</summary>
        public void Validate()
        {
            if (!(LearningRate > 0f) || !(Epsilon > 0f))
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRate), $"Adam.Options: LearningRate ({LearningRate}) and Epsilon ({Epsilon}) must be > 0");
            }

            if (Beta1 is < 0f or >= 1f || Beta2 is < 0f or >= 1f || WeightDecay < 0f)
            {
                throw new ArgumentOutOfRangeException(nameof(Beta1), $"Adam.Options: Beta1 ({Beta1}) and Beta2 ({Beta2}) must be in [0, 1), WeightDecay ({WeightDecay}) ≥ 0");
            }
        }
    }

    /// <summary>Moments of one parameter.</summary>
    public sealed class State(int length)
    {
        /// <summary>Updates applied to this parameter (t).</summary>
        public int Step { get; set; }

        /// <summary>m.</summary>
        public float[] FirstMoment { get; } = new float[length];

        /// <summary>v.</summary>
        public float[] SecondMoment { get; } = new float[length];
    }
}
