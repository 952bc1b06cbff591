using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Tests.Virtual;

/// <summary>Async handler code acts for its own actor wherever its continuations run, and never waits on the caller's context.</summary>
public sealed class AsyncOwnershipTests
{
    [Fact]
    public void A_continuation_released_by_another_actors_turn_runs_and_sends_as_its_own_actor()
    {
        var system = ActorSystem.Create("async-ownership", new ActorSystemSettings { Seed = 5, Parallelism = 1 });
        try
        {
            var received = new ConcurrentQueue<(string Message, string Sender)>();
            var recorder = system.ActorOf(Props.Create(() => new Recorder(received)), "recorder");
            var releaser = system.ActorOf(Props.Create(() => new Releaser()), "releaser");
            var waiter = system.ActorOf(Props.Create(() => new Waiter(releaser, recorder)), "waiter");
            waiter.Tell(new Start());
            system.RunUntil(TimeSpan.FromSeconds(10));
            Assert.Equal([("resumed", "waiter"), ("answered", "waiter")], received.ToArray());
        }
        finally
        {
            system.Terminate();
        }
    }

    [Fact]
    public async Task Async_handlers_finish_when_the_driving_thread_has_a_context_that_is_never_pumped()
    {
        var finished = new ConcurrentQueue<int>();
        var run = Task.Factory.StartNew(
            () =>
            {
                SynchronizationContext.SetSynchronizationContext(new NeverPumpedContext());
                var system = ActorSystem.Create("async-context", new ActorSystemSettings { Seed = 6, Parallelism = 1 });
                try
                {
                    var worker = system.ActorOf(Props.Create(() => new OffloadingWorker(finished)), "worker");
                    worker.Tell(21);
                    system.RunUntil(TimeSpan.FromSeconds(10));
                }
                finally
                {
                    system.Terminate();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        // A regression blocks the driver for ever on a continuation posted to its own context.
        await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal([42], finished.ToArray());
    }

    private sealed record Start;

    private sealed record Release(TaskCompletionSource Gate);

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(ConcurrentQueue<(string Message, string Sender)> received) =>
            Receive<string>(message => received.Enqueue((message, Sender.Path.Name)));
    }

    /// <summary>Opens the gate inside its own turn: the waiter's continuation is posted to the waiter, not run here.</summary>
    private sealed class Releaser : ReceiveActor
    {
        public Releaser() => Receive<Release>(release =>
        {
            release.Gate.SetResult();
            Sender.Tell("released");
        });
    }

    private sealed class Waiter : ReceiveActor
    {
        public Waiter(IActorRef releaser, IActorRef recorder) => ReceiveAsync<Start>(async _ =>
        {
            var gate = new TaskCompletionSource();
            var answer = releaser.Ask<string>(new Release(gate), TimeSpan.FromSeconds(1));
            await gate.Task;
            recorder.Tell("resumed");
            await answer;
            recorder.Tell("answered");
        });
    }

    private sealed class OffloadingWorker : ReceiveActor
    {
        public OffloadingWorker(ConcurrentQueue<int> finished) =>
            ReceiveAsync<int>(async value => finished.Enqueue(await Task.Run(() => value * 2)));
    }

    /// <summary>A context whose posted work never runs, like a UI thread blocked in the driver.</summary>
    private sealed class NeverPumpedContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }
    }
}
