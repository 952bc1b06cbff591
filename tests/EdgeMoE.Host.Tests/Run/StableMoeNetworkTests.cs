using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Tests.Run;

public sealed class StableMoeNetworkTests
{
    [Fact]
    public void An_actor_failure_stops_the_run_at_once_naming_the_policy_and_the_cause()
    {
        using var scenario = new TinyScenario();
        var slots = new List<SlotMetrics>();
        var failure = Assert.Throws<InvalidOperationException>(() =>
            StableMoeNetwork.Run(Plan(scenario), new FailingPolicy(failAtSlot: 2), slots.Add));
        Assert.Equal("policy failing: an actor failed: no decision for slot 2", failure.Message);
        Assert.Equal([0L, 1L], slots.Select(s => s.Slot));
    }

    [Fact]
    public void A_run_whose_slots_stop_finishing_fails_as_stalled_naming_the_last_finished_slot()
    {
        using var scenario = new TinyScenario();
        var plan = Plan(scenario) with { StallTimeout = TimeSpan.FromMilliseconds(300) };
        var failure = Assert.Throws<RunStoppedException>(() =>
            StableMoeNetwork.Run(plan, new StallingPolicy(stallAtSlot: 2, stallFor: TimeSpan.FromSeconds(3)), _ => { }));
        Assert.Equal(
            "policy stalling: the run stalled: no slot finished for 00:00:00.3000000 (last finished slot: 1; edgemoe.run.stall-timeout)",
            failure.Message);
    }

    [Fact]
    public void Slots_start_tau_apart_or_later_in_virtual_time()
    {
        using var scenario = new TinyScenario();
        var plan = Plan(scenario);
        var slots = new List<SlotMetrics>();
        StableMoeNetwork.Run(plan, RoutingPolicyCatalog.Find("top-k")!, slots.Add);
        Assert.Equal(TimeSpan.Zero, slots[0].StartedAt);
        for (var t = 1; t < slots.Count; t++)
        {
            Assert.True(slots[t].StartedAt - slots[t - 1].StartedAt >= plan.Schedule.SlotLength, $"slot {t} starts {slots[t].StartedAt}");
        }
    }

    private static ScenarioPlan Plan(TinyScenario scenario)
    {
        var settings = SettingsLoader.Load(scenario.ScenarioFile);
        return ScenarioPlan.From(settings, TokenImages.Load(settings.Run.Dataset, settings.Run.DataDir, settings.Run.Seed, TextWriter.Null));
    }

    /// <summary>Top-K until <c>failAtSlot</c>, then throws, as a faulty policy would.</summary>
    private sealed class FailingPolicy(long failAtSlot) : IRoutingPolicy
    {
        private readonly IRoutingPolicy _inner = RoutingPolicyCatalog.Find("top-k")!;
        private long _slot;

        public string Name => "failing";

        public RoutingDecision Decide(SlotInstance slot, Random random) =>
            _slot++ == failAtSlot ? throw new InvalidOperationException($"no decision for slot {failAtSlot}") : _inner.Decide(slot, random);
    }

    /// <summary>Top-K, except that the decision of <c>stallAtSlot</c> hangs for <c>stallFor</c> (wall clock), as a stuck policy would.</summary>
    private sealed class StallingPolicy(long stallAtSlot, TimeSpan stallFor) : IRoutingPolicy
    {
        private readonly IRoutingPolicy _inner = RoutingPolicyCatalog.Find("top-k")!;
        private readonly ManualResetEventSlim _never = new();
        private long _slot;

        public string Name => "stalling";

        public RoutingDecision Decide(SlotInstance slot, Random random)
        {
            if (_slot++ == stallAtSlot)
            {
                _never.Wait(stallFor);
            }

            return _inner.Decide(slot, random);
        }
    }
}
