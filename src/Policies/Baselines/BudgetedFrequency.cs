using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// How the baselines A–D set CPU frequencies, so that they respect the long-term energy budget like Stable-MoE:
/// each expert completes as many of its Q + d_rou tokens as it can with per-slot energy ≤ min(E_max, E_avg),
/// at the smallest frequency that does so. Unavailable experts run at 0 Hz.
/// </summary>
public static class BudgetedFrequency
{
    /// <summary>Frequencies (Hz) per expert for the given routing, then the evaluated decision.</summary>
    public static RoutingDecision Decide(SlotInstance slot, int[][] routing)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(routing);
        var routed = new long[slot.ExpertCount];
        foreach (var route in routing)
        {
            foreach (var j in route)
            {
                routed[j]++;
            }
        }

        var frequency = new double[slot.ExpertCount];
        for (var j = 0; j < slot.ExpertCount; j++)
        {
            var expert = slot.Experts[j];
            if (!expert.Available)
            {
                continue;
            }

            var budget = Math.Min(expert.MaxEnergyJoules, expert.AverageEnergyJoules);
            var completions = Math.Min(expert.TokenBacklog + routed[j], CompletionFrequency.MaxTokens(slot, expert, budget));
            frequency[j] = CompletionFrequency.ToComplete(completions, slot, expert);
        }

        return SlotObjective.Decide(slot, routing, frequency);
    }
}
