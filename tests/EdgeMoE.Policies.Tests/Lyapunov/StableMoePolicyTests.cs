using EdgeMoE.Policies.Lyapunov;
using EdgeMoE.Policies.Routing;
using EdgeMoE.Policies.Tests.Routing;

namespace EdgeMoE.Policies.Tests.Lyapunov;

public sealed class StableMoePolicyTests
{
    private static readonly StableMoePolicy Policy = new();

    [Theory]
    [InlineData(P1Solver.MinCostFlow)]
    [InlineData(P1Solver.ExchangeSearch)]
    public void The_solver_reaches_the_brute_force_optimum_on_two_thousand_tiny_slots(P1Solver solver)
    {
        var random = new Random(20260611);
        var withUnavailable = 0;
        for (var n = 0; n < 2000; n++)
        {
            var slot = RandomSlots.Tiny(random);
            withUnavailable += slot.AvailableCount < slot.ExpertCount && slot.TokenCount > 0 ? 1 : 0;
            var (decision, roundingBound) = StableMoePolicy.Solve(slot, solver);
            var optimum = BruteForceSlot.Optimum(slot);

            // OR-Tools' integer costs can cost at most roundingBound; the rest is float evaluation noise.
            var tolerance = roundingBound + (1e-9 * Math.Max(1, Math.Abs(optimum)));
            Assert.True(
                Math.Abs(decision.Objective - optimum) <= tolerance,
                $"instance {n}: solver {decision.Objective:R}, optimum {optimum:R}, tolerance {tolerance:R}");
            Assert.Empty(RoutingFeasibility.Violations(slot, decision));
        }

        // An unavailable server receives and computes nothing: enough instances exercise that.
        Assert.True(withUnavailable >= 500, $"only {withUnavailable} instances had an unavailable expert and tokens");
    }

    [Fact]
    public void The_default_solver_is_ours_and_reaches_or_tools_optimum_at_paper_and_large_sizes()
    {
        var random = new Random(3);
        var slots = Enumerable.Range(0, 20).Select(_ => SyntheticSlots.PaperScale(random))
            .Append(SyntheticSlots.PaperScale(new Random(4), experts: 32, tokens: 1024, k: 2));
        foreach (var slot in slots)
        {
            var (ours, bound) = StableMoePolicy.Solve(slot);
            Assert.Equal(0, bound); // only OR-Tools rounds costs
            var (flow, flowBound) = StableMoePolicy.Solve(slot, P1Solver.MinCostFlow);
            Assert.True(flowBound > 0);
            Assert.True(Math.Abs(ours.Objective - flow.Objective) <= flowBound + (1e-9 * Math.Abs(flow.Objective)), $"ours {ours.Objective:R}, OR-Tools {flow.Objective:R}");
        }
    }

    [Fact]
    public void The_solver_is_at_least_as_good_as_every_baseline_on_paper_sized_slots()
    {
        var random = new Random(7);
        for (var n = 0; n < 5; n++)
        {
            var slot = SyntheticSlots.PaperScale(random);
            var best = Policy.Decide(slot, new Random(1)).Objective;
            foreach (var baseline in RoutingPolicyCatalog.All.Where(p => p is not StableMoePolicy))
            {
                var other = baseline.Decide(slot, new Random(1)).Objective;
                Assert.True(best >= other - (1e-9 * Math.Abs(other)), $"{baseline.Name}: {other:R} > stable-moe {best:R}");
            }
        }
    }

    [Fact]
    public void With_no_penalty_weight_on_scores_an_idle_expert_draws_the_tokens_away_from_a_backlogged_one()
    {
        // Two experts, equal scores, K = 1: expert 0 is backlogged (Q = 50) and can only finish 5 tokens, expert 1
        // is idle and fast. Every token routed to 0 costs Q = 50, so all go to 1.
        var fast = new ExpertState(0, 0, 3e9, 2e-27, 15, 5);
        var slow = new ExpertState(50, 0, 5e7, 2e-27, 15, 5);
        var slot = new SlotInstance(10, 0, 1, 1, 1e7, [slow, fast], new GatingScores(4, 2, [.. Enumerable.Repeat(0.5, 8)]));
        var decision = Policy.Decide(slot, new Random(1));
        Assert.Equal([0L, 4L], decision.Routed);
        Assert.Equal(5, decision.Completed[0]);
    }

    [Fact]
    public void Unavailable_experts_get_no_tokens_and_run_at_zero_hertz()
    {
        var state = new ExpertState(3, 1, 3e9, 2e-27, 15, 5);
        var slot = new SlotInstance(50, 1, 3, 1, 1e7, [state, state with { Available = false }, state],
            new GatingScores(2, 3, [0.1, 0.9, 0.2, 0.3, 0.8, 0.4]));
        var decision = Policy.Decide(slot, new Random(1));
        Assert.All(decision.Routing, route => Assert.Equal([0, 2], route));
        Assert.Equal(0, decision.FrequencyHz[1]);
        Assert.Empty(RoutingFeasibility.Violations(slot, decision));
    }
}
