using System.Diagnostics;
using System.Threading.Channels;
using Akka.Actor;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>Pairs bouncing messages: once through Akka.NET actors, once through two bare unbounded channels per pair.</summary>
internal static class PingPongBenchmark
{
    private static readonly object Ball = new();

    /// <summary>Messages per second processed by <paramref name="pairs"/> actor pairs over <paramref name="duration"/>.</summary>
    public static double MeasureActors(int pairs, int inFlight, TimeSpan duration)
    {
        var system = BenchActorSystem.Create("pingpong");
        var stop = new StopFlag();
        var players = new List<Player>();
        var props = Props.Create(() => new PlayerActor(stop, players));
        var refs = new List<(IActorRef A, IActorRef B)>();
        for (var i = 0; i < pairs; i++)
        {
            refs.Add((system.ActorOf(props, $"a{i}"), system.ActorOf(props, $"b{i}")));
        }

        foreach (var (a, b) in refs)
        {
            for (var m = 0; m < inFlight; m++)
            {
                a.Tell(Ball, b);
            }
        }

        var rate = Measure(duration, () => Total(players));
        stop.Stopped = true;
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
        return rate;
    }

    /// <summary>Messages per second of the same exchange over <see cref="Channel{T}"/>s read by one task each.</summary>
    public static double MeasureChannels(int pairs, int inFlight, TimeSpan duration)
    {
        var stop = new StopFlag();
        var counters = new List<Player>();
        var tasks = new List<Task>();
        for (var i = 0; i < pairs; i++)
        {
            var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = false };
            var ab = Channel.CreateUnbounded<object>(options);
            var ba = Channel.CreateUnbounded<object>(options);
            var left = new Player();
            var right = new Player();
            counters.Add(left);
            counters.Add(right);
            tasks.Add(Task.Run(() => Bounce(ab.Reader, ba.Writer, left, stop)));
            tasks.Add(Task.Run(() => Bounce(ba.Reader, ab.Writer, right, stop)));
            for (var m = 0; m < inFlight; m++)
            {
                ab.Writer.TryWrite(Ball);
            }
        }

        var rate = Measure(duration, () => Total(counters));
        stop.Stopped = true;
        return rate;
    }

    private static async Task Bounce(ChannelReader<object> reader, ChannelWriter<object> writer, Player counter, StopFlag stop)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                counter.Count++;
                if (stop.Stopped)
                {
                    return;
                }

                writer.TryWrite(message);
            }
        }
    }

    // Warm up for a tenth of the duration and until messages flow (a starved thread pool can take a while to
    // start the players), then count messages over the duration itself.
    private static double Measure(TimeSpan duration, Func<long> total)
    {
        // Block rather than spin: the measuring thread must not take a core from the players.
        using var pause = new ManualResetEventSlim();
        pause.Wait(duration / 10);
        var startDeadline = Stopwatch.StartNew();
        while (total() == 0 && startDeadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            pause.Wait(TimeSpan.FromMilliseconds(10));
        }

        var start = total();
        var clock = Stopwatch.StartNew();
        pause.Wait(duration);
        var end = total();
        return (end - start) / clock.Elapsed.TotalSeconds;
    }

    private static long Total(List<Player> players)
    {
        lock (players)
        {
            return players.Sum(p => Volatile.Read(ref p.Count));
        }
    }

    internal sealed class StopFlag
    {
        public volatile bool Stopped;
    }

    internal sealed class Player
    {
        public long Count;
    }

    private sealed class PlayerActor : UntypedActor
    {
        private readonly StopFlag _stop;
        private readonly Player _counter = new();

        public PlayerActor(StopFlag stop, List<Player> players)
        {
            _stop = stop;
            lock (players)
            {
                players.Add(_counter);
            }
        }

        protected override void OnReceive(object message)
        {
            _counter.Count++;
            if (!_stop.Stopped)
            {
                Sender.Tell(message, Self);
            }
        }
    }
}
