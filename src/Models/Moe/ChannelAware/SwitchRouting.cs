using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// Switch Transformer's top-1 layer for a classifier: y = g_k*(x)·E_k*(x) with k* = argmax_k g_k(x), where E_k is
/// expert k's logits. Switch scales the chosen expert's output by its gate value so that the router learns; here that
/// output is the logits, so g_k* acts as an inverse temperature: the cross-entropy lowers g_k* where the chosen expert
/// is wrong (a flatter, less wrong answer) and raises it where it is right, and through the softmax moves the other
/// experts' probabilities the other way. The argmax of the scaled logits is the expert's own, so inference is unchanged.
/// </summary>
public static class SwitchRouting
{
    /// <summary>
    /// Mean cross-entropy over the batch of g_k*·logits_k* against <paramref name="labels"/> [N], from gate logits
    /// [N, K] and every expert's logits [N, K, classes]; the gradient reaches the gate through g_k* and only the chosen
    /// expert of each row.
    /// </summary>
    public static Tensor CrossEntropy(Tensor gateLogits, Tensor expertLogits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(gateLogits);
        ArgumentNullException.ThrowIfNull(expertLogits);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = torch.NewDisposeScope();
        var probabilities = gateLogits.softmax(1);
        var chosen = probabilities.argmax(1, keepdim: true);
        var gate = probabilities.gather(1, chosen);
        var classes = expertLogits.shape[2];
        var logits = expertLogits.gather(1, chosen.unsqueeze(2).expand(-1, 1, classes)).squeeze(1);
        return nn.functional.cross_entropy(gate * logits, labels).MoveToOuterDisposeScope();
    }
}
