using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>The frame of our optimisers' step: the closure with gradients on, then every group without recording a graph.</summary>
internal static class PinnedStep
{
    /// <summary>Evaluates <paramref name="closure"/> if given, then runs <paramref name="stepGroup"/> on every group in one dispose scope.</summary>
    /// <returns>The closure's loss, or null without a closure.</returns>
    public static Tensor? Run(Func<Tensor>? closure, IEnumerable<ParamGroup> groups, Action<ParamGroup> stepGroup)
    {
        Tensor? loss = null;
        if (closure is not null)
        {
            using var enableGrad = torch.enable_grad();
            loss = closure();
        }

        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        foreach (var group in groups)
        {
            stepGroup(group);
        }

        return loss;
    }
}
