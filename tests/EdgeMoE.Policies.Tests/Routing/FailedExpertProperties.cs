using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Routing;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeMoE.Policies.Tests.Routing;

/// <summary>
/// Failure injection takes servers down (crashed, cut off, lost): whatever is down, no policy routes a token to an
/// unavailable expert or gives it a frequency, and each token still gets min(K, available) distinct experts.
/// </summary>
public sealed class FailedExpertProperties
{
    private static readonly Config Fixed = FixedReplay.Of(120, 0xFA11, 0x2545F4914F6CDD1DUL);

    public static TheoryData<string> Policies() => FixedReplay.Policies();

    [Theory]
    [MemberData(nameof(Policies))]
    public void No_policy_routes_to_an_unavailable_expert_however_many_are_down(string name)
    {
        var policy = RoutingPolicyCatalog.Find(name)!;
        var property = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var slot = WithFailures(RandomSlots.Tiny(random), random);
            var decision = policy.Decide(slot, new Random(seed));
            var routedToDown = decision.Routing.Any(experts => experts.Any(j => !slot.Experts[j].Available));
            var poweredDown = Enumerable.Range(0, slot.Experts.Count).Any(j => !slot.Experts[j].Available && decision.FrequencyHz[j] != 0);
            return !routedToDown && !poweredDown && RoutingFeasibility.Violations(slot, decision).Count == 0;
        });
        Check.One(Fixed, property);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void With_every_expert_down_a_policy_routes_nothing_and_runs_nothing(string name)
    {
        var state = new ExpertState(3, 1, 1e8, 2e-27, 1, 1, Available: false);
        var slot = new SlotInstance(1, 1, 2, 1, 1e7, [state, state, state], new GatingScores(2, 3, [0.2, 0.5, 0.3, 0.6, 0.1, 0.3]));
        var decision = RoutingPolicyCatalog.Find(name)!.Decide(slot, new Random(1));
        Assert.All(decision.Routing, Assert.Empty);
        Assert.All(decision.FrequencyHz, f => Assert.Equal(0, f));
    }

    /// <summary>The slot with each expert down with a probability drawn per slot, from none to all of them.</summary>
    private static SlotInstance WithFailures(SlotInstance slot, Random random)
    {
        var downShare = new[] { 0.0, 0.3, 0.6, 0.9, 1.0 }[random.Next(5)];
        var experts = slot.Experts.Select(e => e with { Available = random.NextDouble() >= downShare }).ToArray();
        return slot with { Experts = experts };
    }
}
