using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Routing;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeMoE.Policies.Tests.Routing;

public sealed class PolicyFeasibilityProperties
{
    // FsCheck draws the instance seeds from a fixed replay seed, so every run checks the same cases.
    private static readonly Config Fixed = FixedReplay.Of(150, 0x5EED, 0x9E3779B97F4A7C15UL);

    public static TheoryData<string> Policies() => FixedReplay.Policies();

    public static TheoryData<string, string> BaselinesInOtherFrequencyModes()
    {
        var data = new TheoryData<string, string>();
        foreach (var mode in BaselineFrequencyModes.Names.Skip(1))
        {
            foreach (var policy in RoutingPolicyCatalog.All.Skip(1))
            {
                data.Add(policy.Name, mode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_decision_routes_each_token_to_exactly_min_K_available_distinct_experts_within_the_caps(string name) =>
        CheckFeasible(RoutingPolicyCatalog.Find(name)!);

    [Theory]
    [MemberData(nameof(BaselinesInOtherFrequencyModes))]
    public void Every_baseline_frequency_mode_keeps_every_decision_within_the_caps(string name, string mode) =>
        CheckFeasible(RoutingPolicyCatalog.Find(name, BaselineFrequencyModes.Parse(mode)!.Value)!);

    private static void CheckFeasible(IRoutingPolicy policy)
    {
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();
        var property = Prop.ForAll(seeds, seed =>
        {
            var random = new Random(seed);
            var slot = random.Next(2) == 0 ? RandomSlots.Tiny(random) : Medium(random);
            var violations = RoutingFeasibility.Violations(slot, policy.Decide(slot, new Random(seed)));
            return violations.Count == 0;
        });
        Check.One(Fixed, property);
    }

    [Fact]
    public void The_checker_rejects_repeated_unavailable_and_missing_experts_and_broken_caps()
    {
        var state = new ExpertState(0, 0, 1e8, 2e-27, 1e-9, 1);
        var slot = new SlotInstance(1, 1, 2, 1, 1e7, [state, state, state with { Available = false }],
            new GatingScores(1, 3, [0.5, 0.5, 0.5]));
        RoutingDecision With(int[] route, double[] frequency) => SlotObjective.Decide(slot, [route], frequency);

        Assert.Empty(RoutingFeasibility.Violations(slot, With([0, 1], [0, 0, 0])));
        Assert.Contains("twice", Assert.Single(RoutingFeasibility.Violations(slot, With([1, 1], [0, 0, 0]))));
        Assert.Contains("unavailable expert 2", Assert.Single(RoutingFeasibility.Violations(slot, With([0, 2], [0, 0, 0]))));
        Assert.Contains("expected 2", RoutingFeasibility.Violations(slot, With([0], [0, 0, 0]))[0]);
        Assert.Contains("outside", RoutingFeasibility.Violations(slot, With([0, 1], [2e8, 0, 0]))[0]);
        Assert.Contains("above E_max", Assert.Single(RoutingFeasibility.Violations(slot, With([0, 1], [1e7, 0, 0]))));
        Assert.Contains("objective", Assert.Single(RoutingFeasibility.Violations(slot, With([0, 1], [0, 0, 0]) with { Objective = 7 })));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_policy_rejects_an_inconsistent_slot_naming_the_field(string name)
    {
        var state = new ExpertState(0, 0, 1e8, 2e-27, 1, 1);
        var slot = new SlotInstance(1, 1, 1, 1, 1e7, [state with { EnergyBacklog = -1 }], new GatingScores(1, 1, [0.5]));
        var error = Assert.Throws<ArgumentException>(() => RoutingPolicyCatalog.Find(name)!.Decide(slot, new Random(1)));
        Assert.Contains("Experts[0].EnergyBacklog", error.Message);
    }

    // Larger than the oracle can enumerate: up to 12 experts, 40 tokens, K up to 5 (possibly above the available count).
    private static SlotInstance Medium(Random random)
    {
        var experts = random.Next(1, 13);
        var states = new ExpertState[experts];
        for (var j = 0; j < experts; j++)
        {
            states[j] = new ExpertState(
                random.Next(0, 300), random.NextDouble() * 50, 3e9 * random.NextDouble(), 2e-27,
                15 * random.NextDouble(), 9.5 * random.NextDouble(), random.Next(6) != 0);
        }

        var tokens = random.Next(0, 41);
        var scores = new double[tokens * experts];
        for (var n = 0; n < scores.Length; n++)
        {
            scores[n] = random.NextDouble();
        }

        return new SlotInstance(100 * random.NextDouble(), 2 * random.NextDouble(), random.Next(1, 6), 1, 1e7, states,
            new GatingScores(tokens, experts, scores));
    }
}
