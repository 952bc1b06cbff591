using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Tests.Baselines;

/// <summary>Queue- and energy-aware routing break ties among equal backlogs with the policy's seeded generator.</summary>
public sealed class BaselineTieBreakTests
{
    private const int Experts = 10;
    private const int K = 3;
    private const int Tokens = 390;

    private static SlotInstance EqualBacklogs(double energyBacklog = 0, long tokenBacklog = 0)
    {
        var experts = Enumerable.Repeat(new ExpertState(tokenBacklog, energyBacklog, 3e9, 2e-27, 9, 5), Experts).ToArray();
        return new SlotInstance(50, 1, K, 1, 1e7, experts, new GatingScores(Tokens, Experts, new double[Tokens * Experts]));
    }

    public static TheoryData<string> SnapshotPolicies() => ["queue-aware", "energy-aware"];

    [Theory]
    [MemberData(nameof(SnapshotPolicies))]
    public void Ties_are_broken_the_same_way_for_a_seed_and_differently_across_seeds(string name)
    {
        var policy = RoutingPolicyCatalog.Find(name)!;
        var slot = EqualBacklogs();
        var first = policy.Decide(slot, new Random(11));
        Assert.Equal(first.Routing, policy.Decide(slot, new Random(11)).Routing);
        Assert.NotEqual(first.Routing, policy.Decide(slot, new Random(12)).Routing);
    }

    [Fact]
    public void A_strictly_smaller_backlog_still_wins_over_any_draw()
    {
        var slot = EqualBacklogs(energyBacklog: 2);
        var experts = slot.Experts.ToArray();
        experts[4] = experts[4] with { EnergyBacklog = 0 };
        experts[7] = experts[7] with { EnergyBacklog = 1 };
        var decision = new EnergyAwareRouting(greedy: false).Decide(slot with { Experts = experts }, new Random(5));
        Assert.All(decision.Routing, route => Assert.Contains(4, route));
        Assert.All(decision.Routing, route => Assert.Contains(7, route));
        Assert.Equal(Tokens, decision.Routed[4]);
    }

    [Fact]
    public void Energy_aware_spreads_tokens_over_servers_when_the_energy_backlogs_are_equal()
    {
        var policy = new EnergyAwareRouting(greedy: false);
        var used = new bool[Experts];
        var random = new Random(2026);
        for (var slotIndex = 0; slotIndex < 50; slotIndex++)
        {
            var decision = policy.Decide(EqualBacklogs(energyBacklog: slotIndex % 3), random);

            // Each expert is one of a token's K draws with probability K/J: fair share 117, σ = √(390·0.3·0.7) ≈ 9.1.
            var fair = (double)Tokens * K / Experts;
            for (var j = 0; j < Experts; j++)
            {
                Assert.True(decision.Routed[j] <= fair + 46, $"slot {slotIndex}: server {j} got {decision.Routed[j]} tokens, fair share {fair}");
                used[j] |= decision.Routed[j] > 0;
            }
        }

        Assert.All(used, Assert.True);
    }
}
