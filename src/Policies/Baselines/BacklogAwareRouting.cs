using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// Routes tokens to the min(K, available) available experts with the smallest backlog key (ties: lower index).
/// Snapshot mode (the paper's strategies C and D) ranks once per slot, so every token of the slot goes to the
/// same experts; greedy mode re-ranks before each token, in arrival order, counting what this slot already routed.
/// </summary>
public abstract class BacklogAwareRouting(bool greedy) : IRoutingPolicy
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>True when each token counts the tokens routed before it in the slot.</summary>
    public bool Greedy { get; } = greedy;

    /// <inheritdoc/>
    public RoutingDecision Decide(SlotInstance slot, Random random)
    {
        ArgumentNullException.ThrowIfNull(slot);
        slot.Validate();
        var available = slot.AvailableExperts();
        var count = slot.ExpertsPerTokenServed;
        var routed = new long[slot.ExpertCount];
        var keys = new double[slot.ExpertCount];
        var routing = new int[slot.TokenCount][];
        int[]? snapshot = null;
        for (var i = 0; i < routing.Length; i++)
        {
            if (Greedy || snapshot is null)
            {
                for (var j = 0; j < keys.Length; j++)
                {
                    keys[j] = Key(slot, j, routed[j]);
                }

                snapshot = ExpertRanking.Smallest(keys, available, count);
            }

            routing[i] = (int[])snapshot.Clone();
            foreach (var j in snapshot)
            {
                routed[j]++;
            }
        }

        return BudgetedFrequency.Decide(slot, routing);
    }

    /// <summary>The backlog of expert <paramref name="expert"/> once <paramref name="routedThisSlot"/> tokens of this slot went to it.</summary>
    protected abstract double Key(SlotInstance slot, int expert, long routedThisSlot);
}
