using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// Strategy C: the smallest token backlog Q_j (<c>queue-aware</c>, one snapshot per slot), or, greedy, the smallest
/// Q_j + tokens already routed to j this slot (<c>queue-aware-greedy</c>).
/// </summary>
/// <param name="greedy">True for the greedy variant.</param>
/// <param name="frequency">How the baseline sets CPU frequencies (default: today's budgeted rule).</param>
public sealed class QueueAwareRouting(bool greedy, BaselineFrequencyMode frequency = BaselineFrequencyMode.Budgeted) : BacklogAwareRouting(greedy, frequency)
{
    /// <inheritdoc/>
    public override string Name => Greedy ? "queue-aware-greedy" : "queue-aware";

    /// <inheritdoc/>
    protected override double Key(SlotInstance slot, int expert, long routedThisSlot) =>
        slot.Experts[expert].TokenBacklog + (double)routedThisSlot;
}
