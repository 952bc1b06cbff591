using System.Collections.Concurrent;
using Run = EdgeMoE.Actors.Tests.Behaviour.AsyncHandlerTests.Run;
using Parent = EdgeMoE.Actors.Tests.Behaviour.AsyncHandlerTests.Parent;

namespace EdgeMoE.Actors.Tests.Virtual;

/// <summary>
/// In virtual time a handler parked on an ask may be resumed only by the actor system; a raw task would resume it in
/// a superstep chosen by thread timing, so the actor fails loudly instead. Real time accepts any awaitable.
/// </summary>
public sealed class UntrackedAwaitTests
{
    [Theory]
    [InlineData(RawWork.Run)]
    [InlineData(RawWork.Delay)]
    public void A_raw_task_awaited_while_an_ask_is_in_flight_fails_the_actor_naming_it_and_RunExternal(RawWork work)
    {
        using var run = new Run(TimeMode.Virtual);
        using var gate = new ManualResetEventSlim();
        var decided = new ConcurrentQueue<Exception>();
        var replies = new ConcurrentQueue<string>();

        // The ask goes to an actor that never answers, so it is still in flight when the raw task completes.
        var silent = run.System.ActorOf(Props.Create(() => new Silent()), "silent");
        var parent = run.System.ActorOf(Props.Create(() => new Parent(decided, Directive.Stop, Props.Create(() => new RawAwaiter(silent, work, gate)))), "parent");
        var collector = run.System.ActorOf(Props.Create(() => new Collector(replies)), "collector");
        parent.Tell("go", collector);

        // The handler is parked on its ask before the raw task may finish: the pool task waits for this gate.
        run.System.RunUntilQuiescent();
        gate.Set();
        run.WaitFor(() => !decided.IsEmpty);
        run.System.RunUntil(TimeSpan.FromSeconds(10));
        var failure = Assert.IsType<UntrackedAwaitException>(Assert.Single(decided));
        Assert.Contains("/user/parent/child", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Context.RunExternal", failure.Message, StringComparison.Ordinal);
        Assert.Equal("child", failure.Actor.Path.Name);
        Assert.Empty(replies);
    }

    [Theory]
    [InlineData(RawWork.Run)]
    [InlineData(RawWork.Delay)]
    public void Real_time_accepts_a_raw_task_awaited_while_an_ask_is_in_flight(RawWork work)
    {
        using var run = new Run(TimeMode.Real);
        var echo = run.System.ActorOf(Props.Create<Probing.Echo>(), "echo");
        using var gate = new ManualResetEventSlim(initialState: true);
        var actor = run.System.ActorOf(Props.Create(() => new RawAwaiter(echo, work, gate)), "raw");
        Assert.Equal("resumed with hello", run.Ask<string>(actor, "go"));
    }

    [Fact]
    public void A_raw_task_awaited_with_no_ask_in_flight_holds_virtual_time_and_is_accepted()
    {
        using var run = new Run(TimeMode.Virtual);
        var times = new ConcurrentQueue<TimeSpan>();
        var actor = run.System.ActorOf(Props.Create(() => new RawComputer(times)), "raw");
        run.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(1), actor, "tick");
        actor.Tell(2_000_000);
        run.System.RunUntil(TimeSpan.FromMilliseconds(2));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(1)], times);
    }

    public enum RawWork
    {
        Run,
        Delay,
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(ConcurrentQueue<string> replies) => Receive<string>(replies.Enqueue);
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    /// <summary>Asks, then awaits work the actor system does not track (a pool task that waits for the gate, or a delay), then the ask.</summary>
    private sealed class RawAwaiter : ReceiveActor
    {
        public RawAwaiter(IActorRef target, RawWork work, ManualResetEventSlim gate) => ReceiveAsync<string>(async _ =>
        {
            var sender = Sender;
            var echoed = target.Ask<string>("hello", TimeSpan.FromSeconds(5));
            if (work == RawWork.Run)
            {
                await Task.Run(() =>
                {
                    gate.Wait();
                    return StableHash.Mix64(7);
                });
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20));
            }

            sender.Tell($"resumed with {await echoed}");
        });
    }

    /// <summary>Computes on a raw pool task with nothing else in flight: counted, so the clock waits.</summary>
    private sealed class RawComputer : ReceiveActor
    {
        public RawComputer(ConcurrentQueue<TimeSpan> times)
        {
            Receive<string>(_ => times.Enqueue(Context.Now));
            ReceiveAsync<int>(async rounds =>
            {
                await Task.Run(() =>
                {
                    var value = 1UL;
                    for (var i = 0; i < rounds; i++)
                    {
                        value = StableHash.Mix64(value);
                    }

                    return value;
                });
                times.Enqueue(Context.Now);
            });
        }
    }
}
