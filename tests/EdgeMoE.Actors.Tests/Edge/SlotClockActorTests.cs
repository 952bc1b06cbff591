using EdgeMoE.Actors.Edge.Clock;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Tests.Edge;

public sealed class SlotClockActorTests : ActorTestKit
{
    private static readonly TimeSpan Tau = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_slot_ends_only_when_every_participant_reported_and_the_next_starts_tau_after_the_last()
    {
        var (clock, client, _, observer) = Start(new SlotSchedule(3, Tau, EvaluationInterval: 10));
        Assert.Equal(0, client.ExpectMsg<SlotTick>().Slot);

        clock.Tell(new RouterSlotReport(0, 5, 4, 1.0, 2.0, 3.0));
        clock.Tell(Server(0, 0));
        clock.Tell(Server(0, 1));
        clock.Tell(new LinkSlotReport(0, 0, 10, 0.1));
        // One link has not reported: the slot is still open.
        observer.ExpectNoMsg(TimeSpan.FromSeconds(2));

        clock.Tell(new LinkSlotReport(0, 1, 20, 0.2));
        var metrics = observer.ExpectMsg<SlotMetrics>();
        Assert.Equal((0L, 4), (metrics.Slot, metrics.Router.Processed));
        Assert.Equal([0, 1], metrics.Servers.Select(s => s.Server));
        Assert.Null(metrics.TestAccuracy);

        // The reports came in after τ had passed, so slot 1 starts at once.
        var tick = client.ExpectMsg<SlotTick>();
        Assert.Equal(1, tick.Slot);
        var startOfSlot1 = Sys.Now;
        Complete(clock, 1);
        observer.ExpectMsg<SlotMetrics>();
        // Reported instantly: slot 2 waits for τ after slot 1 started.
        client.ExpectMsg<SlotTick>();
        Assert.Equal(startOfSlot1 + Tau, Sys.Now);
    }

    [Fact]
    public void Accuracy_is_measured_at_the_interval_and_on_the_full_test_set_after_the_last_slot()
    {
        var (clock, client, router, observer) = Start(new SlotSchedule(4, Tau, EvaluationInterval: 2));
        var evaluated = new List<(long Slot, bool Full)>();
        for (var t = 0; t < 4; t++)
        {
            client.ExpectMsg<SlotTick>();
            Complete(clock, t);
            if (t is 1 or 3)
            {
                var request = router.ExpectMsg<EvaluateModel>();
                evaluated.Add((request.Slot, request.FullTestSet));
                router.Reply(new EvaluationReport(t, 0.5));
            }

            Assert.Equal(t is 1 or 3 ? 0.5 : null, observer.ExpectMsg<SlotMetrics>().TestAccuracy);
        }

        Assert.Equal([(1L, false), (3L, true)], evaluated);
        Assert.Equal(4, observer.ExpectMsg<RunCompleted>().Slots);
    }

    private static ServerSlotReport Server(long slot, int server) => new(slot, server, true, 3, 3, 0, 0, 1, 1e9, 3);

    private static void Complete(IActorRef clock, long slot)
    {
        clock.Tell(new RouterSlotReport(slot, 1, 1, 1, 1, 1));
        for (var j = 0; j < 2; j++)
        {
            clock.Tell(Server(slot, j));
            clock.Tell(new LinkSlotReport(slot, j, 1, 1));
        }
    }

    private (IActorRef Clock, TestProbe Client, TestProbe Router, TestProbe Observer) Start(SlotSchedule schedule)
    {
        var client = CreateTestProbe();
        var router = CreateTestProbe();
        var observer = CreateTestProbe();
        var servers = new[] { CreateTestProbe(), CreateTestProbe() };
        var clock = ActorOf(Props.Create(() => new SlotClockActor(schedule, observer.Ref)), "clock");
        clock.Tell(new ConnectNetwork(client.Ref, router.Ref, [.. servers.Select(s => s.Ref)]));
        return (clock, client, router, observer);
    }
}
