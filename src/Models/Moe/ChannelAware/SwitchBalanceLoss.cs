using TorchSharp;
using static TorchSharp.torch;
using static EdgeMoE.Models.Nn.PinnedScalarMath;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// Switch Transformer's load-balancing loss for top-1 routing: K·Σ_k f_k·P_k, where f_k is the fraction of the batch
/// whose top-1 expert is k and P_k the batch mean of the gate probability g_k. It is 1 when routing is uniform and
/// K when one expert takes everything; only P carries a gradient.
/// </summary>
public static class SwitchBalanceLoss
{
    /// <summary>The loss of gate probabilities <paramref name="probabilities"/> [N, K] (rows sum to 1), a scalar tensor.</summary>
    public static Tensor Of(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        using var scope = torch.NewDisposeScope();
        var experts = probabilities.shape[1];
        using var noGrad = torch.no_grad();
        var fraction = nn.functional.one_hot(probabilities.argmax(1), experts).to(ScalarType.Float32).mean([0]);
        noGrad.Dispose();
        var mean = probabilities.mean([0]);
        return Mul((fraction * mean).sum(), experts).MoveToOuterDisposeScope();
    }
}
