using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Optim;

/// <summary>
/// Stochastic gradient descent as PyTorch's torch.optim.SGD: g ← g + λθ; with momentum μ,
/// b ← g (first step) or μb + (1 − dampening)g, and g ← g + μb (Nesterov) or b; θ ← θ − lr·g.
/// </summary>
public sealed class Sgd(IReadOnlyList<Tensor> parameters, Sgd.Options options) : Optimizer<Sgd.Options, Sgd.State>(parameters, options)
{
    /// <inheritdoc />
    protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient)
    {
        var o = Settings;
        var state = StateFor(index, parameter.Length);
        var first = !state.Started;
        state.Started = true;
        for (var i = 0; i < parameter.Length; i++)
        {
            var g = gradient[i] + (o.WeightDecay * parameter[i]);
            if (o.Momentum != 0f)
            {
                var b = first ? g : (o.Momentum * state.MomentumBuffer[i]) + ((1f - o.Dampening) * g);
                state.MomentumBuffer[i] = b;
                g = o.Nesterov ? g + (o.Momentum * b) : b;
            }

            parameter[i] -= o.LearningRate * g;
        }
    }

    /// <inheritdoc />
    protected override State CreateState(int length) => new(length);

    /// <summary>SGD hyper-parameters.</summary>
    /// <param name="LearningRate">Step size, &gt; 0.</param>
    /// <param name="Momentum">μ in [0, 1).</param>
    /// <param name="Dampening">Fraction of the gradient withheld from the momentum buffer, [0, 1].</param>
    /// <param name="WeightDecay">L2 coefficient λ ≥ 0 added to the gradient.</param>
    /// <param name="Nesterov">Nesterov momentum (needs μ &gt; 0 and no dampening).</param>
    public sealed record Options(float LearningRate, float Momentum = 0f, float Dampening = 0f, float WeightDecay = 0f, bool Nesterov = false) : IOptimizerOptions
    {
        /// <summary>Throws naming the field at fault.</summary>
        public void Validate()
        {
            if (!(LearningRate > 0f))
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRate), $"Sgd.Options.LearningRate must be > 0, got {LearningRate}");
            }

            if (Momentum is < 0f or >= 1f || Dampening is < 0f or > 1f || WeightDecay < 0f)
            {
                throw new ArgumentOutOfRangeException(nameof(Momentum), $"Sgd.Options: Momentum {Momentum} must be in [0, 1), Dampening {Dampening} in [0, 1], WeightDecay {WeightDecay} ≥ 0");
            }

            if (Nesterov && (Momentum == 0f || Dampening != 0f))
            {
                throw new ArgumentException("Sgd.Options.Nesterov needs Momentum > 0 and Dampening = 0");
            }
        }
    }

    /// <summary>Momentum buffer of one parameter.</summary>
    public sealed class State(int length)
    {
        /// <summary>b, same length as the parameter.</summary>
        public float[] MomentumBuffer { get; } = new float[length];

        /// <summary>Whether the buffer holds a value yet.</summary>
        public bool Started { get; set; }
    }
}
