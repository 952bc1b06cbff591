using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

// Ours because TorchSharp 0.107's Adam.step passes implicit temporary Scalars to libtorch without keeping them alive
// (dotnet/TorchSharp PRs #1434, #1496): under GC pressure one is finalized mid-call ("Unknown scalar type"). Its updates
// are bit-identical to torch.optim.Adam's (PinnedScalarAdamTests).

/// <summary>
/// TorchSharp's Adam (same options, same per-parameter state: step count, exp_avg, exp_avg_sq, max_exp_avg_sq) with a
/// step that issues the same libtorch operations in the same order on the same double values, but creates every
/// <see cref="Scalar"/> explicitly and disposes it only after the native calls that read it have returned.
/// </summary>
public sealed class PinnedScalarAdam : Adam
{
    /// <summary>Adam over <paramref name="parameters"/>, with the meaning and defaults of <c>torch.optim.Adam</c>.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="lr">Learning rate (&gt; 0; parameter units per unit of normalised gradient).</param>
    /// <param name="beta1">Decay of the running mean of the gradient, in [0, 1).</param>
    /// <param name="beta2">Decay of the running mean of the squared gradient, in [0, 1).</param>
    /// <param name="eps">Added to the denominator for numerical stability (≥ 0).</param>
    /// <param name="weight_decay">L2 penalty added to the gradient (≥ 0).</param>
    /// <param name="amsgrad">Whether to use the AMSGrad variant (the running maximum of exp_avg_sq).</param>
    /// <param name="maximize">Whether to maximise the objective instead of minimising it.</param>
    public PinnedScalarAdam(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>
    /// The optimiser's state per parameter (in parameter order): its step count and the running means exp_avg and
    /// exp_avg_sq, as float32 values, to continue a checkpointed training exactly.
    /// </summary>
    /// <exception cref="InvalidOperationException">AMSGrad is on (its running maximum is not exported).</exception>
    public IReadOnlyList<AdamMoments> ExportMoments()
    {
        var moments = new List<AdamMoments>();
        foreach (var group in _parameter_groups)
        {
            if (((Options)group.Options).amsgrad == true)
            {
                throw new InvalidOperationException("Adam with AMSGrad: its running maximum is not exported");
            }

            foreach (var parameter in group.Parameters)
            {
                var state = (State)_state[parameter.Handle];
                using var average = state.exp_avg.reshape(-1);
                using var squares = state.exp_avg_sq.reshape(-1);
                moments.Add(new AdamMoments(state.step, TensorInput.ToArray(average), TensorInput.ToArray(squares)));
            }
        }

        return moments;
    }

    /// <summary>Puts back what <see cref="ExportMoments"/> returned for an optimiser over parameters of the same sizes.</summary>
    /// <exception cref="ArgumentException">Another number of parameters or other sizes.</exception>
    public void ImportMoments(IReadOnlyList<AdamMoments> moments)
    {
        ArgumentNullException.ThrowIfNull(moments);
        var parameters = _parameter_groups.SelectMany(g => g.Parameters).ToArray();
        if (parameters.Length != moments.Count)
        {
            throw new ArgumentException($"Adam state of {moments.Count} parameters, expected {parameters.Length}", nameof(moments));
        }

        using var noGrad = torch.no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            var state = (State)_state[parameters[i].Handle];
            var size = state.exp_avg.numel();
            if (moments[i].ExpAvg.Length != size || moments[i].ExpAvgSq.Length != size)
            {
                throw new ArgumentException($"Adam state of parameter {i}: {moments[i].ExpAvg.Length} values, expected {size}", nameof(moments));
            }

            state.step = moments[i].Step;
            using var average = torch.tensor(moments[i].ExpAvg).reshape(state.exp_avg.shape);
            using var squares = torch.tensor(moments[i].ExpAvgSq).reshape(state.exp_avg_sq.shape);
            state.exp_avg.copy_(average);
            state.exp_avg_sq.copy_(squares);
        }
    }

    /// <summary>One Adam update of every parameter that has a gradient (without recording a graph).</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss; optional.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor? step(Func<Tensor>? closure = null) => PinnedStep.Run(closure, _parameter_groups, StepGroup);

    private void StepGroup(TorchSharp.Modules.ParamGroup group)
    {
        var options = (Options)group.Options;
        var weightDecay = options.weight_decay!.Value;
        using var update = new AdamUpdate(options.LearningRate!.Value, options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.amsgrad!.Value);
        using var weightDecayScalar = weightDecay.ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var grad = parameter.grad;
            if (grad is null)
            {
                continue;
            }

            if (options.maximize!.Value)
            {
                grad = -grad;
            }

            var state = (State)_state[parameter.Handle];
            state.step += 1;
            if (weightDecay != 0)
            {
                grad = grad.add(parameter, weightDecayScalar);
            }

            update.Apply(parameter, grad, state.step, state.exp_avg, state.exp_avg_sq, ref state.max_exp_avg_sq);
        }
    }
}
