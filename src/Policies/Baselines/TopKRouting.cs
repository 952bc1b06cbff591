using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>Strategy B: each token goes to its min(K, available) available experts of highest gating score (ties: lower index).</summary>
/// <param name="frequency">How the baseline sets CPU frequencies (default: today's budgeted rule).</param>
public sealed class TopKRouting(BaselineFrequencyMode frequency = BaselineFrequencyMode.Budgeted) : IRoutingPolicy
{
    /// <summary>How the baseline sets CPU frequencies.</summary>
    public BaselineFrequencyMode Frequency { get; } = frequency;

    /// <inheritdoc/>
    public string Name => "top-k";

    /// <inheritdoc/>
    public RoutingDecision Decide(SlotInstance slot, Random random)
    {
        ArgumentNullException.ThrowIfNull(slot);
        slot.Validate();
        var available = slot.AvailableExperts();
        var count = slot.ExpertsPerTokenServed;
        var keys = new double[slot.ExpertCount];
        var routing = new int[slot.TokenCount][];
        for (var i = 0; i < routing.Length; i++)
        {
            var row = slot.Scores.Row(i);
            for (var j = 0; j < keys.Length; j++)
            {
                keys[j] = -row[j];
            }

            routing[i] = ExpertRanking.Smallest(keys, available, count);
        }

        return BaselineFrequency.Decide(Frequency, slot, routing);
    }
}
