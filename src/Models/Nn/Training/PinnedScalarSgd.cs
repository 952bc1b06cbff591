using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

// Ours for the reason PinnedScalarAdam is: TorchSharp 0.107's SGD.step also hands libtorch implicit temporary Scalars
// that a collection can finalize mid-call: 3 threads of 100,000 torch.optim.SGD steps under forced collections threw
// "Expected false to be true" in 1 of 3 runs here. Its updates are bit-identical to torch.optim.SGD's (PinnedScalarSgdTests).

/// <summary>
/// Plain gradient descent, θ ← θ − lr·∇θ (TorchSharp's SGD without momentum, dampening or weight decay), with its
/// learning-rate <see cref="Scalar"/> created explicitly and disposed only after the native calls that read it returned.
/// </summary>
public sealed class PinnedScalarSgd : SGD
{
    /// <summary>Gradient descent over <paramref name="parameters"/> with learning rate <paramref name="lr"/> (&gt; 0).</summary>
    public PinnedScalarSgd(IEnumerable<Parameter> parameters, double lr)
        : base(parameters, lr)
    {
    }

    /// <summary>One step of every parameter that has a gradient (without recording a graph).</summary>
    /// <param name="closure">Re-evaluates the model and returns the loss; optional.</param>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public override Tensor? step(Func<Tensor>? closure = null)
    {
        Tensor? loss = null;
        if (closure is not null)
        {
            using var enableGrad = torch.enable_grad();
            loss = closure();
        }

        using var noGrad = torch.no_grad();
        foreach (var group in _parameter_groups)
        {
            using var negativeRate = (-group.Options.LearningRate!.Value).ToScalar();
            foreach (var parameter in group.Parameters)
            {
                if (parameter.grad is { } grad)
                {
                    parameter.add_(grad, negativeRate);
                }
            }
        }

        return loss;
    }
}
