namespace EdgeMoE.Policies.Routing;

/// <summary>
/// A per-slot token-routing and CPU-frequency policy of Stable-MoE: pure, deterministic given its arguments.
/// </summary>
public interface IRoutingPolicy
{
    /// <summary>The policy's command-line name, e.g. <c>stable-moe</c> or <c>top-k</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Decides one slot. Every token gets exactly min(K, available) distinct available experts, every expert a
    /// frequency within its caps; the result is scored by <see cref="SlotObjective"/>.
    /// </summary>
    /// <param name="slot">The slot; checked with <see cref="SlotInstance.Validate"/> (ArgumentException when inconsistent).</param>
    /// <param name="random">The only source of randomness (the random baseline's draws and the queue- and energy-aware baselines' tie-breaks).</param>
    RoutingDecision Decide(SlotInstance slot, Random random);
}
