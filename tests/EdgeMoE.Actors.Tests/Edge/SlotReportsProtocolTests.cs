using EdgeMoE.Actors.Edge.Clock;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>The slot barrier: every participant reports, the clock publishes the slot and opens the next in virtual time.</summary>
public sealed class SlotReportsProtocolTests : TestKit
{
    private static readonly TimeSpan Tau = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_slot_ends_only_when_the_router_every_server_and_every_link_reported()
    {
        var (clock, client, _, observer) = Clock(this, new SlotSchedule(3, Tau, EvaluationInterval: 10));
        Assert.Equal(new SlotTick(0, TimeSpan.Zero), client.ExpectMsg<SlotTick>());

        clock.Tell(new RouterSlotReport(0, 5, 4, 1.0, 2.0, 3.0, TimeSpan.FromSeconds(0.2)));
        clock.Tell(Server(0, 1, 0.3));
        clock.Tell(Server(0, 0, 0.3));
        clock.Tell(new LinkSlotReport(0, 0, 10, 0.1, TimeSpan.FromSeconds(0.2)));
        // One link has not reported: the slot is still open.
        observer.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        client.ExpectNoMsg(TimeSpan.Zero);

        clock.Tell(new LinkSlotReport(0, 1, 20, 0.2, TimeSpan.FromSeconds(0.2)));
        var metrics = observer.ExpectMsg<SlotMetrics>();
        Assert.Equal((0L, 4, TimeSpan.Zero), (metrics.Slot, metrics.Router.Processed, metrics.StartedAt));
        Assert.Equal([0, 1], metrics.Servers.Select(s => s.Server));
        Assert.Equal([10.0, 20.0], metrics.Links.Select(l => l.Bits));
        Assert.Null(metrics.TestAccuracy);
    }

    [Fact]
    public void The_next_slot_starts_tau_after_the_last_or_at_the_latest_report_when_the_traffic_took_longer()
    {
        var (clock, client, _, observer) = Clock(this, new SlotSchedule(3, Tau, EvaluationInterval: 10));
        client.ExpectMsg<SlotTick>();
        // Slot 0's last gradients reach a server at 2.5 s, after τ: slot 1 starts then.
        Complete(clock, 0, latest: 2.5);
        Assert.Equal(TimeSpan.Zero, observer.ExpectMsg<SlotMetrics>().StartedAt);
        Assert.Equal(new SlotTick(1, TimeSpan.FromSeconds(2.5)), client.ExpectMsg<SlotTick>());

        // Slot 1 is done by 2.7 s, within τ: slot 2 starts τ after slot 1 started.
        Complete(clock, 1, latest: 2.7);
        Assert.Equal(TimeSpan.FromSeconds(2.5), observer.ExpectMsg<SlotMetrics>().StartedAt);
        Assert.Equal(new SlotTick(2, TimeSpan.FromSeconds(3.5)), client.ExpectMsg<SlotTick>());
    }

    [Fact]
    public void Every_server_gets_the_tick_of_each_slot()
    {
        var client = CreateTestProbe();
        var servers = new[] { CreateTestProbe(), CreateTestProbe() };
        var clock = Sys.ActorOf(SlotClockActor.Props(new SlotSchedule(2, Tau, 10), CreateTestProbe().Ref), "clock");
        clock.Tell(new ConnectNetwork(client.Ref, CreateTestProbe().Ref, [.. servers.Select(s => s.Ref)]));
        Assert.All(servers, s => Assert.Equal(0, s.ExpectMsg<SlotTick>().Slot));
        Complete(clock, 0, latest: 0.5);
        Assert.All(servers, s => Assert.Equal(new SlotTick(1, Tau), s.ExpectMsg<SlotTick>()));
    }

    [Fact]
    public void A_report_for_another_slot_fails_the_clock()
    {
        var (clock, client, _, _) = Clock(this, new SlotSchedule(3, Tau, EvaluationInterval: 10));
        client.ExpectMsg<SlotTick>();
        EventFilter.Exception<InvalidOperationException>(contains: "while slot 0 runs").ExpectOne(() => clock.Tell(Server(2, 0, 0)));
    }

    internal static ServerSlotReport Server(long slot, int server, double at) =>
        new(slot, server, true, 3, 3, 0, 0, 1, 1e9, 3, TimeSpan.FromSeconds(at));

    /// <summary>Reports slot <paramref name="slot"/> for a router and two servers and links; the latest arrives at <paramref name="latest"/> s.</summary>
    internal static void Complete(IActorRef clock, long slot, double latest)
    {
        clock.Tell(new RouterSlotReport(slot, 1, 1, 1, 1, 1, TimeSpan.FromSeconds(latest / 2)));
        for (var j = 0; j < 2; j++)
        {
            clock.Tell(Server(slot, j, j == 1 ? latest : latest / 2));
            clock.Tell(new LinkSlotReport(slot, j, 1, 1, TimeSpan.FromSeconds(latest / 2)));
        }
    }

    /// <summary>A clock over two servers whose client, router and observer are probes, started at slot 0.</summary>
    internal static (IActorRef Clock, TestProbe Client, TestProbe Router, TestProbe Observer) Clock(TestKitBase kit, SlotSchedule schedule)
    {
        var client = kit.CreateTestProbe();
        var router = kit.CreateTestProbe();
        // Each slot opens by telling the router which servers are up (all of them here): not what these tests watch.
        router.IgnoreMessages<SlotAvailability>();
        var observer = kit.CreateTestProbe();
        var servers = new[] { kit.CreateTestProbe(), kit.CreateTestProbe() };
        var clock = kit.Sys.ActorOf(SlotClockActor.Props(schedule, observer.Ref), "clock");
        clock.Tell(new ConnectNetwork(client.Ref, router.Ref, [.. servers.Select(s => s.Ref)]));
        return (clock, client, router, observer);
    }
}
