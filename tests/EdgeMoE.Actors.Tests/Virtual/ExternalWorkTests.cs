namespace EdgeMoE.Actors.Tests.Virtual;

/// <summary>
/// Work outside the actor system (<c>Context.RunExternal</c>) holds virtual time: a handler that has an ask in flight
/// while it computes on the thread pool (awaiting the work alone or together with the ask) resumes in the same
/// superstep whatever the thread count and the compute time.
/// </summary>
public sealed class ExternalWorkTests
{
    private const int Workers = 4;
    private const int Steps = 50;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_handler_that_asks_then_awaits_external_work_leaves_the_same_trace_with_one_thread_and_with_eight(bool whenAll)
    {
        var sequential = Run(parallelism: 1, whenAll);
        Assert.Equal(2 * Workers * Steps, sequential.Length);
        Assert.Equal(sequential, Run(parallelism: 8, whenAll));
        Assert.Equal(sequential, Run(parallelism: 8, whenAll));
    }

    [Fact]
    public void External_work_holds_the_clock_until_its_result_is_back_at_the_actor()
    {
        var system = ActorSystem.Create("external-clock", new ActorSystemSettings { Seed = 3, Parallelism = 2 });
        try
        {
            var times = new List<TimeSpan>();
            var worker = system.ActorOf(Props.Create(() => new SlowComputer(times)), "computer");
            system.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), worker, "tick");
            worker.Tell(5_000_000);
            system.RunUntil(TimeSpan.FromMilliseconds(3));
            Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(3)], times);
        }
        finally
        {
            system.Terminate();
        }
    }

    private static string[] Run(int parallelism, bool whenAll)
    {
        var system = ActorSystem.Create("external-work", new ActorSystemSettings { Seed = 21, Parallelism = parallelism });
        try
        {
            var trace = new List<string>();
            var recorder = system.ActorOf(Props.Create(() => new Recorder(trace)), "recorder");
            var ticker = system.ActorOf(Props.Create(() => new Ticker()), "ticker");
            system.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), ticker, new Tick());
            for (var w = 0; w < Workers; w++)
            {
                system.ActorOf(Props.Create(() => new AskingComputer(ticker, recorder, whenAll)), $"worker-{w}").Tell(new Step(0));
            }

            system.RunUntil(TimeSpan.FromMinutes(1), () => trace.Count == 2 * Workers * Steps);
            return [.. trace];
        }
        finally
        {
            system.Terminate();
        }
    }

    // Thread-pool work long enough (tens of microseconds to milliseconds) that an uncounted handler would let supersteps pass.
    private static ulong Spin(ulong seed, int rounds)
    {
        var value = seed;
        for (var i = 0; i < rounds; i++)
        {
            value = StableHash.Mix64(value + (ulong)i);
        }

        return value;
    }

    private sealed record Step(int Number);

    private sealed record Tick;

    private sealed record Read;

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(List<string> trace) => Receive<string>(line => trace.Add($"{Sender.Path.Name} {line}"));
    }

    /// <summary>State that moves with virtual time; it answers a read one to three milliseconds later.</summary>
    private sealed class Ticker : ReceiveActor
    {
        private long _ticks;

        public Ticker()
        {
            Receive<Tick>(_ => _ticks++);
            Receive<Read>(_ => Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(1 + (_ticks % 3)), Sender, _ticks));
        }
    }

    private sealed class AskingComputer : ReceiveActor
    {
        public AskingComputer(IActorRef ticker, IActorRef recorder, bool whenAll) => ReceiveAsync<Step>(async step =>
        {
            var read = ticker.Ask<long>(new Read(), TimeSpan.FromSeconds(1));
            var rounds = Context.Random.Next(1_000, 400_000);
            var seed = (ulong)step.Number;
            var computing = Context.RunExternal(() => Task.Run(() => Spin(seed, rounds)));
            if (whenAll)
            {
                await Task.WhenAll(read, computing);
            }

            var spun = await computing;
            recorder.Tell($"step {step.Number} computed at {Context.Now.TotalMilliseconds} ms: {spun:x16}");
            var ticks = await read;
            recorder.Tell($"step {step.Number} read at {Context.Now.TotalMilliseconds} ms: {ticks}");
            if (step.Number + 1 < Steps)
            {
                Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(Context.Random.Next(2)), Self, new Step(step.Number + 1));
            }
        });
    }

    /// <summary>Records when each message is handled; its first handler computes for a long while outside the actor.</summary>
    private sealed class SlowComputer : ReceiveActor
    {
        public SlowComputer(List<TimeSpan> times)
        {
            Receive<string>(_ => times.Add(Context.Now));
            ReceiveAsync<int>(async rounds =>
            {
                await Context.RunExternal(() => Task.Run(() => Spin(1, rounds)));
                times.Add(Context.Now);
            });
        }
    }
}
