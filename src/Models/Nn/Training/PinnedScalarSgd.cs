using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

// Ours for the reason PinnedScalarAdam is: TorchSharp 0.107's SGD.step also hands libtorch implicit temporary Scalars
// that a collection can finalize mid-call: 3 threads of 100,000 torch.optim.SGD steps under forced collections threw
// "Expected false to be true" in 1 of 3 runs here. Its updates are bit-identical to torch.optim.SGD's (PinnedScalarSgdTests).

/// <summary>
/// TorchSharp's SGD (same options, same momentum buffer per parameter) with a step that issues the same libtorch
/// operations in the same order on the same values, but creates every <see cref="Scalar"/> explicitly and disposes it
/// only after the native calls that read it have returned.
/// </summary>
public sealed class PinnedScalarSgd : SGD
{
    /// <summary>Gradient descent over <paramref name="parameters"/>, with the meaning and defaults of <c>torch.optim.SGD</c>.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="lr">Learning rate (&gt; 0).</param>
    /// <param name="momentum">Momentum factor (≥ 0; 0 is plain gradient descent, θ ← θ − lr·∇θ).</param>
    /// <param name="dampening">Dampening of the momentum (≥ 0).</param>
    /// <param name="weight_decay">L2 penalty added to the gradient (≥ 0).</param>
    /// <param name="nesterov">Whether to use Nesterov momentum.</param>
    /// <param name="maximize">Whether to maximise the objective instead of minimising it.</param>
    public PinnedScalarSgd(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    /// <summary>One step of every parameter that has a gradient (without recording a graph).</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss; optional.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor? step(Func<Tensor>? closure = null) => PinnedStep.Run(closure, _parameter_groups, StepGroup);

    private void StepGroup(TorchSharp.Modules.ParamGroup group)
    {
        var options = (Options)group.Options;
        var momentum = options.momentum!.Value;
        var weightDecay = options.weight_decay!.Value;
        var nesterov = options.nesterov!.Value;
        var lr = options.LearningRate!.Value;
        using var momentumScalar = momentum.ToScalar();
        using var oneMinusDampening = (1 - options.dampening!.Value).ToScalar();
        using var weightDecayScalar = weightDecay.ToScalar();
        using var rate = (options.maximize!.Value ? lr : -lr).ToScalar();
        foreach (var parameter in group.Parameters)
        {
            var grad = parameter.grad;
            if (grad is null)
            {
                continue;
            }

            if (weightDecay != 0)
            {
                grad = grad.add(parameter, weightDecayScalar);
            }

            if (momentum != 0)
            {
                var state = (State)_state[parameter.Handle];
                var buffer = state.momentum_buffer;
                if (buffer is null)
                {
                    buffer = grad.clone().detach().DetachFromDisposeScope();
                    state.momentum_buffer = buffer;
                }
                else
                {
                    buffer.mul_(momentumScalar).add_(grad, oneMinusDampening);
                }

                grad = nesterov ? grad.add(buffer, momentumScalar) : buffer;
            }

            parameter.add_(grad, rate);
        }
    }
}
