namespace EdgeMoE.Actors.Tests.RealTime;

public sealed class RealTimeTests() : ActorTestKit(new ActorSystemSettings { Time = TimeMode.Real })
{
    [Fact]
    public void A_dedicated_thread_actor_runs_off_the_thread_pool()
    {
        var actor = ActorOf(Props.Create<ThreadReporter>().WithDispatcher(DispatcherKind.DedicatedThread), "pinned");
        actor.Tell("where", TestActor.Ref);
        actor.Tell("where", TestActor.Ref);
        var first = ExpectMsg<(bool Pool, int Thread)>();
        var second = ExpectMsg<(bool Pool, int Thread)>();
        Assert.False(first.Pool);
        Assert.Equal(first.Thread, second.Thread);
    }

    [Fact]
    public void ReceiveAsync_keeps_message_order_on_the_thread_pool()
    {
        var actor = ActorOf<AsyncAppender>("appender");
        for (var i = 0; i < 50; i++)
        {
            actor.Tell(i, TestActor.Ref);
        }

        Assert.Equal(Enumerable.Range(0, 50).Cast<object>(), TestActor.ReceiveN(50, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Scheduled_messages_arrive_after_their_wall_clock_delay()
    {
        var start = Sys.Now;
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(50), TestActor.Ref, "tick");
        ExpectMsg<string>(s => s == "tick", TimeSpan.FromSeconds(5));
        Assert.True(Sys.Now - start >= TimeSpan.FromMilliseconds(45));
    }

    [Fact]
    public void Driving_virtual_time_is_refused_in_real_time()
    {
        Assert.Throws<InvalidOperationException>(() => Sys.RunUntilQuiescent());
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad", new ActorSystemSettings { Throughput = 0 }));
        Assert.Contains("Throughput", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("bad name"));
    }

    private sealed class ThreadReporter : ActorBase
    {
        protected override void OnReceive(object message) =>
            Sender.Tell((Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId));
    }

    private sealed class AsyncAppender : ReceiveActor
    {
        public AsyncAppender() => ReceiveAsync<int>(async n =>
        {
            var replyTo = Sender;
            await Task.Yield();
            replyTo.Tell(n);
        });
    }
}
