using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

// Ours for the reason PinnedScalarAdam is: TorchSharp 0.107's AdamW.step (read in dotnet/TorchSharp) converts its doubles to
// implicit temporary Scalars in the same calls as Adam.step does.
// Its updates are bit-identical to torch.optim.AdamW's (PinnedScalarAdamWTests).

/// <summary>
/// TorchSharp's AdamW (Adam with decoupled weight decay; same options and per-parameter state) with a step that issues
/// the same libtorch operations in the same order on the same double values, but creates every <see cref="Scalar"/>
/// explicitly and disposes it only after the native calls that read it have returned.
/// </summary>
public sealed class PinnedScalarAdamW : AdamW
{
    /// <summary>AdamW over <paramref name="parameters"/>, with the meaning and defaults of <c>torch.optim.AdamW</c>.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="lr">Learning rate (&gt; 0).</param>
    /// <param name="beta1">Decay of the running mean of the gradient, in [0, 1).</param>
    /// <param name="beta2">Decay of the running mean of the squared gradient, in [0, 1).</param>
    /// <param name="eps">Added to the denominator for numerical stability (≥ 0).</param>
    /// <param name="weight_decay">Decoupled weight decay: each step first scales the parameters by 1 − lr·weight_decay.</param>
    /// <param name="amsgrad">Whether to use the AMSGrad variant (the running maximum of exp_avg_sq).</param>
    /// <param name="maximize">Whether to maximise the objective instead of minimising it.</param>
    public PinnedScalarAdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>One AdamW update of every parameter that has a gradient (without recording a graph).</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss; optional.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor? step(Func<Tensor>? closure = null) => PinnedStep.Run(closure, _parameter_groups, StepGroup);

    private void StepGroup(TorchSharp.Modules.ParamGroup group)
    {
        var options = (Options)group.Options;
        var lr = options.LearningRate!.Value;
        using var update = new AdamUpdate(lr, options.beta1!.Value, options.beta2!.Value, options.eps!.Value, options.amsgrad!.Value);
        using var decay = (1 - (lr * options.weight_decay!.Value)).ToScalar();
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
            parameter.mul_(decay);
            update.Apply(parameter, grad, state.step, state.exp_avg, state.exp_avg_sq, ref state.max_exp_avg_sq);
        }
    }
}
