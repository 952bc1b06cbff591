namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>The task loss stage 1 minimises (plus α times <see cref="SwitchBalanceLoss"/> in both cases).</summary>
public enum Stage1Loss
{
    /// <summary>The dense mixture likelihood −log Σ_k g_k·p_k(y) over all K experts.</summary>
    Mixture,

    /// <summary>
    /// Switch Transformer's top-1 routing: each sample goes to k* = argmax_k g_k only, and the cross-entropy is taken of
    /// that expert's logits scaled by its gate probability g_k* (<see cref="SwitchRouting"/>).
    /// </summary>
    Switch,
}
