using EdgeMoE.Policies.Assignment;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Lyapunov;

/// <summary>
/// Stable-MoE (paper Algorithm 1, line 6): the exact maximiser of the per-slot drift-plus-penalty problem P1.
/// Given the tokens each expert receives, its best frequency is the smallest that completes
/// min(Q + r, d̂) tokens (<see cref="ExpertSlotValue"/>); the routing is then a b-matching with concave expert
/// utilities and pair gains V·μ·g_ij, solved exactly by <see cref="ConcaveBMatching"/>.
/// </summary>
public sealed class StableMoePolicy : IRoutingPolicy
{
    /// <inheritdoc/>
    public string Name => "stable-moe";

    /// <inheritdoc/>
    public RoutingDecision Decide(SlotInstance slot, Random random)
    {
        ArgumentNullException.ThrowIfNull(slot);
        slot.Validate();
        var experts = slot.ExpertCount;
        var available = slot.AvailableExperts();

        var values = available.Select(j => new ExpertSlotValue(slot, slot.Experts[j])).ToArray();
        var tokens = slot.TokenCount;
        var pairGain = slot.TradeOff * slot.GatingWeight;
        var gains = new double[tokens * available.Length];
        for (var i = 0; i < tokens; i++)
        {
            var row = slot.Scores.Row(i);
            for (var a = 0; a < available.Length; a++)
            {
                gains[(i * available.Length) + a] = pairGain * row[available[a]];
            }
        }

        var matching = ConcaveBMatching.Solve(
            tokens, available.Length, slot.ExpertsPerTokenServed, gains, (a, load) => values[a].Marginal(load));

        var routing = new int[tokens][];
        for (var i = 0; i < tokens; i++)
        {
            routing[i] = Array.ConvertAll(matching.Assignment[i], a => available[a]);
        }

        var frequency = new double[experts];
        for (var a = 0; a < available.Length; a++)
        {
            var j = available[a];
            frequency[j] = CompletionFrequency.ToComplete(values[a].CompletionsFor(matching.Loads[a]), slot, slot.Experts[j]);
        }

        return SlotObjective.Decide(slot, routing, frequency);
    }
}
