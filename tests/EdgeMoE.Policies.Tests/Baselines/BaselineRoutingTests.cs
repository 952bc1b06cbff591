using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Tests.Baselines;

public sealed class BaselineRoutingTests
{
    private static readonly ExpertState Idle = new(0, 0, 3e9, 2e-27, 15, 5);

    private static SlotInstance Slot(ExpertState[] experts, int k, double[,] scores)
    {
        var tokens = scores.GetLength(0);
        var values = new double[tokens * experts.Length];
        for (var i = 0; i < tokens; i++)
        {
            for (var j = 0; j < experts.Length; j++)
            {
                values[(i * experts.Length) + j] = scores[i, j];
            }
        }

        return new SlotInstance(50, 1, k, 1, 1e7, experts, new GatingScores(tokens, experts.Length, values));
    }

    [Fact]
    public void Top_k_takes_the_highest_available_scores_and_breaks_ties_towards_the_lower_index()
    {
        var slot = Slot([Idle, Idle, Idle with { Available = false }, Idle], 2, new[,] { { 0.1, 0.5, 0.9, 0.5 }, { 0.7, 0.2, 0.9, 0.3 } });
        var decision = new TopKRouting().Decide(slot, new Random(1));
        Assert.Equal([1, 3], decision.Routing[0]);
        Assert.Equal([0, 3], decision.Routing[1]);
    }

    [Fact]
    public void Queue_aware_snapshot_sends_every_token_to_the_smallest_backlogs_while_greedy_spreads_them()
    {
        ExpertState[] experts = [Idle with { TokenBacklog = 5 }, Idle with { TokenBacklog = 1 }, Idle with { TokenBacklog = 2 }];
        var slot = Slot(experts, 1, new double[4, 3]);

        var snapshot = new QueueAwareRouting(greedy: false).Decide(slot, new Random(1));
        Assert.All(snapshot.Routing, route => Assert.Equal([1], route));

        // Greedy keys Q + routed: 5,1,2 → expert 1 (→ 5,2,2); from then on each token goes to a smallest key, so
        // experts 1 and 2 end within one token of each other in Q + routed and expert 0 gets nothing.
        var greedy = new QueueAwareRouting(greedy: true).Decide(slot, new Random(1));
        Assert.Equal([1], greedy.Routing[0]);
        Assert.Equal(0, greedy.Routed[0]);
        Assert.InRange((1 + greedy.Routed[1]) - (2 + greedy.Routed[2]), -1, 1);
    }

    [Fact]
    public void Energy_aware_ranks_by_energy_backlog_and_greedy_adds_the_energy_of_tokens_routed_this_slot()
    {
        ExpertState[] experts = [Idle with { EnergyBacklog = 0.5 }, Idle with { EnergyBacklog = 0 }];
        var slot = Slot(experts, 1, new double[3, 2]);
        Assert.All(new EnergyAwareRouting(greedy: false).Decide(slot, new Random(1)).Routing, route => Assert.Equal([1], route));

        // One token at the minimum frequency costs ξ·c³/τ² = 2e-6 J, two cost 1.6e-5 J: still below 0.5 J.
        var greedy = new EnergyAwareRouting(greedy: true).Decide(slot, new Random(1));
        Assert.All(greedy.Routing, route => Assert.Equal([1], route));
        var heavy = slot with { Experts = [Idle with { EnergyBacklog = 1e-5 }, Idle] };
        Assert.Equal([[1], [1], [0]], new EnergyAwareRouting(greedy: true).Decide(heavy, new Random(1)).Routing);
    }

    [Fact]
    public void Random_routing_is_reproducible_from_the_seed_and_uniform_over_available_experts()
    {
        ExpertState[] experts = [Idle, Idle with { Available = false }, Idle, Idle, Idle];
        var slot = Slot(experts, 2, new double[6000, 5]);
        var policy = new RandomRouting();
        var first = policy.Decide(slot, new Random(42));
        Assert.Equal(first.Routing, policy.Decide(slot, new Random(42)).Routing);
        Assert.NotEqual(first.Routing, policy.Decide(slot, new Random(43)).Routing);

        // Each available expert is drawn with probability K/A = 1/2: 3000 ± 5σ, σ = √(6000·¼) ≈ 38.7.
        Assert.Equal(0, first.Routed[1]);
        foreach (var j in new[] { 0, 2, 3, 4 })
        {
            Assert.InRange(first.Routed[j], 3000 - 194, 3000 + 194);
        }
    }

    [Fact]
    public void Budgeted_frequencies_complete_the_most_tokens_within_the_smaller_of_the_energy_caps()
    {
        var random = new Random(5);
        for (var n = 0; n < 200; n++)
        {
            var expert = new ExpertState(random.Next(0, 400), 0, 3e9 * random.NextDouble(), 2e-27, 15 * random.NextDouble(), 9.5 * random.NextDouble());
            var slot = Slot([expert], 1, new double[random.Next(0, 50), 1]);
            var decision = new TopKRouting().Decide(slot, new Random(1));
            var budget = Math.Min(expert.MaxEnergyJoules, expert.AverageEnergyJoules);
            var done = decision.Completed[0];
            Assert.True(decision.EnergyJoules[0] <= budget, $"instance {n}: {decision.EnergyJoules[0]} J > {budget} J");
            Assert.True(decision.FrequencyHz[0] <= expert.MaxFrequencyHz);
            var queued = expert.TokenBacklog + decision.Routed[0];
            if (done < queued)
            {
                // One more token would break f_max or the budget.
                var next = done + 1;
                var f = StableMoeCompute.MinimumFrequency(next, 1, 1e7);
                Assert.True(f > expert.MaxFrequencyHz || StableMoeCompute.EnergyAtMinimumFrequency(next, 2e-27, 1, 1e7) > budget, $"instance {n}");
            }
        }
    }
}
