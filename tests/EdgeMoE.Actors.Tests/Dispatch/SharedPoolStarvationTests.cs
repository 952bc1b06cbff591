namespace EdgeMoE.Actors.Tests.Dispatch;

[Collection(ProcessWideThreadPool.Name)]
public sealed class SharedPoolStarvationTests
{
    [Fact]
    public async Task Real_time_ping_pong_flows_while_every_shared_pool_thread_is_blocked()
    {
        const int pairs = 4;
        var system = ActorSystem.Create("starved", new ActorSystemSettings { Time = TimeMode.Real, Throughput = 1 });
        using var done = new CountdownEvent(2 * pairs);
        var props = Props.Create(() => new Rally(1_000, done));
        var players = Enumerable.Range(0, pairs).Select(i => (system.ActorOf(props, $"a{i}"), system.ActorOf(props, $"b{i}"))).ToList();

        // Cap the .NET pool (room above the threads it has now, which the test runner may be blocking) and queue more
        // blocking work items than it may run at once: from the first start on, every pool thread that frees up takes
        // the next blocker (the global queue is FIFO), so nothing queued later runs until they are released.
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        var cap = Math.Max(minWorkers, ThreadPool.ThreadCount + 2);
        var blockers = cap + 64;
        using var release = new ManualResetEventSlim();
        using var firstStarted = new ManualResetEventSlim();
        using var finished = new CountdownEvent(blockers);
        Assert.True(ThreadPool.SetMaxThreads(cap, maxIo));
        try
        {
            for (var i = 0; i < blockers; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(
                    _ =>
                    {
                        firstStarted.Set();
                        release.Wait();
                        finished.Signal();
                    },
                    null);
            }

            Assert.True(firstStarted.Wait(TimeSpan.FromSeconds(30)), "the capped pool started no blocking work item");
            foreach (var (a, b) in players)
            {
                a.Tell(Rally.Serve, b);
            }

            Assert.True(done.Wait(TimeSpan.FromSeconds(20)), $"{done.CurrentCount} of {2 * pairs} players stalled while the shared pool was blocked");
        }
        finally
        {
            release.Set();
            Assert.True(ThreadPool.SetMaxThreads(maxWorkers, maxIo));
            Assert.True(finished.Wait(TimeSpan.FromSeconds(60)), "the blocking work items did not drain");
        }

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }

    // Bounces the ball back until it has hit it `exchanges` times; signals once on reaching that count.
    private sealed class Rally(int exchanges, CountdownEvent done) : ActorBase
    {
        public static readonly object Serve = new();

        private int _hits;

        protected override void OnReceive(object message)
        {
            if (++_hits == exchanges)
            {
                done.Signal();
            }

            if (_hits <= exchanges)
            {
                Sender.Tell(message, Self);
            }
        }
    }
}
