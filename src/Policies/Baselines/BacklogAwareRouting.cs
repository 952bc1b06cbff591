using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// Routes tokens to the min(K, available) available experts with the smallest backlog key. Snapshot mode (the paper's
/// strategies C and D) computes the keys once per slot; greedy mode recomputes them before each token, in arrival
/// order, counting what this slot already routed. Each token breaks ties among equal keys with a draw from the
/// policy's seeded generator: with Z_j = 0 everywhere, energy-aware would otherwise send every token to servers 0..K-1.
/// </summary>
/// <param name="greedy">True for the greedy variant.</param>
/// <param name="frequency">How the baseline sets CPU frequencies.</param>
public abstract class BacklogAwareRouting(bool greedy, BaselineFrequencyMode frequency) : IRoutingPolicy
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>True when each token counts the tokens routed before it in the slot.</summary>
    public bool Greedy { get; } = greedy;

    /// <summary>How the baseline sets CPU frequencies.</summary>
    public BaselineFrequencyMode Frequency { get; } = frequency;

    /// <inheritdoc/>
    public RoutingDecision Decide(SlotInstance slot, Random random)
    {
        ArgumentNullException.ThrowIfNull(slot);
        slot.Validate();
        ArgumentNullException.ThrowIfNull(random);
        var available = slot.AvailableExperts();
        var count = slot.ExpertsPerTokenServed;
        var routed = new long[slot.ExpertCount];
        var keys = new double[slot.ExpertCount];
        var routing = new int[slot.TokenCount][];
        var ranked = false;
        for (var i = 0; i < routing.Length; i++)
        {
            if (Greedy || !ranked)
            {
                for (var j = 0; j < keys.Length; j++)
                {
                    keys[j] = Key(slot, j, routed[j]);
                }

                ranked = true;
            }

            routing[i] = ExpertRanking.Smallest(keys, available, count, random);
            foreach (var j in routing[i])
            {
                routed[j]++;
            }
        }

        return BaselineFrequency.Decide(Frequency, slot, routing);
    }

    /// <summary>The backlog of expert <paramref name="expert"/> once <paramref name="routedThisSlot"/> tokens of this slot went to it.</summary>
    protected abstract double Key(SlotInstance slot, int expert, long routedThisSlot);
}
