namespace EdgeMoE.Actors.Tests.Scheduling;

public sealed class SchedulerTests : ActorTestKit
{
    [Fact]
    public void ScheduleTellOnce_delivers_at_the_exact_virtual_time()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(250), TestActor.Ref, "tick");
        TestActor.ExpectNoMsg(TimeSpan.FromMilliseconds(249));
        ExpectMsg<string>(s => s == "tick");
        Assert.Equal(TimeSpan.FromMilliseconds(250), Sys.Now);
    }

    [Fact]
    public void ScheduleTellRepeatedly_delivers_every_interval_until_cancelled()
    {
        var timer = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TestActor.Ref, "tick");
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            ExpectMsg<string>();
            times.Add(Sys.Now.TotalSeconds);
        }

        timer.Cancel();
        Assert.True(timer.IsCancellationRequested);
        ExpectNoMsg(TimeSpan.FromSeconds(10));
        Assert.Equal([1.0, 3.0, 5.0], times);
    }

    [Fact]
    public void A_cancelled_timer_never_fires_and_does_not_move_the_clock()
    {
        var timer = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor.Ref, "never");
        timer.Cancel();
        Assert.Null(Sys.NextTimerDue);
        RunUntilQuiescent();
        Assert.Equal(TimeSpan.Zero, Sys.Now);
        ExpectNoMsg(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void The_clock_jumps_straight_to_the_next_timer()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromHours(10), TestActor.Ref, "late");
        ExpectMsg<string>(timeout: TimeSpan.FromHours(11));
        Assert.Equal(TimeSpan.FromHours(10), Sys.Now);
    }

    [Fact]
    public void Timers_due_at_the_same_instant_are_delivered_in_canonical_order()
    {
        var b = CreateTestProbe("b");
        var a = CreateTestProbe("a");
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), b.Ref, 2);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), a.Ref, 1);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), a.Ref, 0);
        Sys.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([1, 0], a.ReceiveN(2));
        b.ExpectMsg(2);
    }

    [Fact]
    public void Within_bounds_the_virtual_time_a_block_takes()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor.Ref, "x");
        TestActor.Within(TimeSpan.FromSeconds(3), () => ExpectMsg<string>());
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor.Ref, "y");
        Assert.ThrowsAny<Exception>(() => TestActor.Within(TimeSpan.FromSeconds(1), () => ExpectMsg<string>()));
    }
}
