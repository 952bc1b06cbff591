using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>Strategy A: each token goes to min(K, available) distinct available experts drawn uniformly (partial Fisher–Yates).</summary>
/// <param name="frequency">How the baseline sets CPU frequencies (default: today's budgeted rule).</param>
public sealed class RandomRouting(BaselineFrequencyMode frequency = BaselineFrequencyMode.Budgeted) : IRoutingPolicy
{
    /// <summary>How the baseline sets CPU frequencies.</summary>
    public BaselineFrequencyMode Frequency { get; } = frequency;

    /// <inheritdoc/>
    public string Name => "random";

    /// <inheritdoc/>
    public RoutingDecision Decide(SlotInstance slot, Random random)
    {
        ArgumentNullException.ThrowIfNull(slot);
        slot.Validate();
        ArgumentNullException.ThrowIfNull(random);
        var pool = slot.AvailableExperts();
        var count = slot.ExpertsPerTokenServed;
        var routing = new int[slot.TokenCount][];
        for (var i = 0; i < routing.Length; i++)
        {
            for (var n = 0; n < count; n++)
            {
                var pick = random.Next(n, pool.Length);
                (pool[n], pool[pick]) = (pool[pick], pool[n]);
            }

            routing[i] = pool[..count];
        }

        return BaselineFrequency.Decide(Frequency, slot, routing);
    }
}
