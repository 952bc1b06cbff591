using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Lyapunov;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Tests.Lyapunov;

public sealed class ExpertSlotValueTests
{
    [Fact]
    public void Marginals_add_up_to_the_best_value_over_all_completion_counts_and_never_increase()
    {
        var random = new Random(3);
        for (var n = 0; n < 300; n++)
        {
            var expert = new ExpertState(
                random.Next(0, 40), random.NextDouble() * 30, 3e9 * random.NextDouble(), 2e-27, 15 * random.NextDouble(), 5);
            var slot = new SlotInstance(100 * random.NextDouble(), 1, 1, 1, 1e7, [expert], new GatingScores(0, 1, []));
            var value = new ExpertSlotValue(slot, expert);
            var sum = Best(slot, expert, 0);
            var previous = double.PositiveInfinity;
            for (var r = 0; r < 60; r++)
            {
                var marginal = value.Marginal(r);
                Assert.True(marginal <= previous + 1e-9, $"instance {n}: Δh({r}) = {marginal} > Δh({r - 1}) = {previous}");
                previous = marginal;
                sum += marginal;
                var best = Best(slot, expert, r + 1);
                Assert.True(Math.Abs(sum - best) <= 1e-9 * Math.Max(1, Math.Abs(best)), $"instance {n}, r = {r + 1}: {sum} vs {best}");
            }
        }
    }

    // max over d ≤ min(Q + r, D) of V·ln(1+d) − Q·(r − d) − Z·E(d), by enumeration.
    private static double Best(SlotInstance slot, ExpertState e, long routed)
    {
        var limit = Math.Min(e.TokenBacklog + routed, CompletionFrequency.MaxTokens(slot, e, e.MaxEnergyJoules));
        var best = double.NegativeInfinity;
        for (long d = 0; d <= limit; d++)
        {
            var energy = StableMoeCompute.EnergyAtMinimumFrequency(d, e.SwitchedCapacitance, slot.SlotSeconds, slot.CyclesPerToken);
            best = Math.Max(best, (slot.TradeOff * Math.Log(1 + d)) - (e.TokenBacklog * (double)(routed - d)) - (e.EnergyBacklog * energy));
        }

        return best;
    }
}
