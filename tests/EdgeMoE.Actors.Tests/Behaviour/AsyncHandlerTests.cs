using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Tests.Behaviour;

/// <summary>Akka's async handler semantics, in both clocks: continuations are turns of the actor.</summary>
public sealed class AsyncHandlerTests
{
    private const int Flows = 8;
    private const int Rounds = 25;

    [Theory]
    [InlineData(TimeMode.Virtual)]
    [InlineData(TimeMode.Real)]
    public void Continuations_of_one_handler_run_one_at_a_time_and_see_the_handlers_Self_and_Sender(TimeMode time)
    {
        using var run = new Run(time);
        var actor = run.System.ActorOf(Props.Create(() => new InterleavingWorker()), "interleaving");
        var report = run.Ask<Report>(actor, "go");
        Assert.Equal(new Report(Overlaps: 0, Increments: Flows * Rounds, WrongSelf: 0, WrongSender: 0), report);
    }

    [Theory]
    [InlineData(TimeMode.Virtual)]
    [InlineData(TimeMode.Real)]
    public void A_failure_after_an_await_goes_to_the_supervisor_which_restarts_the_actor(TimeMode time)
    {
        using var run = new Run(time);
        var decided = new ConcurrentQueue<Exception>();
        var incarnations = new int[1];
        var child = Props.Create(() => new FailingAfterAwait(incarnations));
        var parent = run.System.ActorOf(Props.Create(() => new Parent(decided, Directive.Restart, child)), "parent");
        Assert.Equal("started", run.Ask<string>(parent, "fail"));
        run.WaitFor(() => !decided.IsEmpty);
        Assert.Equal("boom after await", Assert.Single(decided).Message);
        Assert.Equal("incarnation 2", run.Ask<string>(parent, "who"));
    }

    [Fact]
    public void Code_left_running_by_a_failed_handler_never_runs_against_the_restarted_actor()
    {
        using var run = new Run(TimeMode.Virtual);
        var decided = new ConcurrentQueue<Exception>();
        var heard = new ConcurrentQueue<string>();
        var listener = run.System.ActorOf(Props.Create(() => new Listener(heard)), "listener");
        var parent = run.System.ActorOf(Props.Create(() => new Parent(decided, Directive.Restart, Props.Create(() => new LeavingWorkBehind(listener)))), "parent");
        parent.Tell("go");
        run.System.RunUntil(TimeSpan.FromMilliseconds(50));
        Assert.Equal("failed after leaving work behind", Assert.Single(decided).Message);
        Assert.Equal(["tick 0"], heard.ToArray());
    }

    private sealed record Report(int Overlaps, int Increments, int WrongSelf, int WrongSender);

    /// <summary>A system in either clock, driven until an outside ask is answered.</summary>
    internal sealed class Run(TimeMode time) : IDisposable
    {
        public ActorSystem System { get; } = ActorSystem.Create("async-handlers", new ActorSystemSettings { Seed = 9, Parallelism = 4, Time = time });

        public T Ask<T>(IActorRef target, object message)
        {
            var answer = target.Ask<T>(message, TimeSpan.FromSeconds(30));
            WaitFor(() => answer.IsCompleted);
            return answer.GetAwaiter().GetResult();
        }

        public void WaitFor(Func<bool> done)
        {
            var met = SpinWait.SpinUntil(
                () =>
                {
                    if (System.IsVirtual)
                    {
                        System.RunUntilQuiescent();
                    }

                    return done();
                },
                TimeSpan.FromSeconds(30));
            Assert.True(met, "The actors did not get there within 30 s.");
        }

        public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(30));
    }

    /// <summary>Eight flows of one handler interleave at their awaits; each checks nobody else runs the actor's code.</summary>
    private sealed class InterleavingWorker : ReceiveActor
    {
        private int _inside;
        private int _increments;
        private int _overlaps;
        private int _wrongSelf;
        private int _wrongSender;

        public InterleavingWorker() => ReceiveAsync<string>(async _ =>
        {
            var self = Self;
            var sender = Sender;
            await Task.WhenAll(Enumerable.Range(0, Flows).Select(flow => Flow(flow, self, sender)));
            sender.Tell(new Report(_overlaps, _increments, _wrongSelf, _wrongSender));
        });

        private async Task Flow(int flow, IActorRef self, IActorRef sender)
        {
            for (var round = 0; round < Rounds; round++)
            {
                var seed = (ulong)((flow * Rounds) + round);
                await Context.RunExternal(() => Task.Run(() => StableHash.Mix64(seed)));
                if (Interlocked.Increment(ref _inside) != 1)
                {
                    _overlaps++;
                }

                // A racing continuation would lose some of these plain increments.
                var read = _increments;
                Thread.SpinWait(5_000);
                _increments = read + 1;
                _wrongSelf += Self.Equals(self) ? 0 : 1;
                _wrongSender += Sender.Equals(sender) ? 0 : 1;
                Interlocked.Decrement(ref _inside);
                await Task.Yield();
            }
        }
    }

    /// <summary>Forwards everything to its one child and lets <paramref name="directive"/> decide its failures, recording them.</summary>
    internal sealed class Parent : ReceiveActor
    {
        private readonly ConcurrentQueue<Exception> _decided;
        private readonly Directive _directive;

        public Parent(ConcurrentQueue<Exception> decided, Directive directive, Props child)
        {
            _decided = decided;
            _directive = directive;
            var worker = Context.ActorOf(child, "child");
            ReceiveAny(message => worker.Forward(message));
        }

        protected internal override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(decider: cause =>
        {
            _decided.Enqueue(cause);
            return _directive;
        });
    }

    private sealed class FailingAfterAwait : ReceiveActor
    {
        public FailingAfterAwait(int[] incarnations)
        {
            var incarnation = Interlocked.Increment(ref incarnations[0]);
            Receive<string>(_ => Sender.Tell($"incarnation {incarnation}"), when: s => s == "who");
            ReceiveAsync<string>(
                async _ =>
                {
                    Sender.Tell("started");
                    await Task.Yield();
                    await Context.RunExternal(() => Task.Run(() => 1));
                    throw new InvalidOperationException("boom after await");
                },
                when: s => s == "fail");
        }
    }

    private sealed class Listener : ReceiveActor
    {
        public Listener(ConcurrentQueue<string> heard) => Receive<string>(heard.Enqueue);
    }

    /// <summary>Starts a flow it does not await (it ticks every millisecond), then fails.</summary>
    private sealed class LeavingWorkBehind : ReceiveActor
    {
        public LeavingWorkBehind(IActorRef listener) => ReceiveAsync<string>(async message =>
        {
            _ = Tick(listener);
            await Task.Yield();
            throw new InvalidOperationException("failed after leaving work behind");
        });

        private async Task Tick(IActorRef listener)
        {
            for (var i = 0; i < 10; i++)
            {
                listener.Tell($"tick {i}");
                await Context.Delay(TimeSpan.FromMilliseconds(1));
            }
        }
    }
}
