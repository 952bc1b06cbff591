using System.Diagnostics;
using Akka.Actor;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>Spawns many idle actors: spawn rate until all have started, and managed heap growth per actor.</summary>
internal static class SpawnBenchmark
{
    public static (double ActorsPerSecond, double BytesPerActor) Measure(int count)
    {
        var system = BenchActorSystem.Create("spawn");
        var started = new StartCounter(count);
        var props = Props.Create(() => new IdleActor(started));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            system.ActorOf(props);
        }

        started.AllStarted.Wait();
        var seconds = clock.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(system);
        system.Terminate().Wait(TimeSpan.FromSeconds(60));
        return (count / seconds, (after - before) / (double)count);
    }

    private sealed class StartCounter(int expected)
    {
        private int _started;

        public ManualResetEventSlim AllStarted { get; } = new();

        public void OnStarted()
        {
            if (Interlocked.Increment(ref _started) == expected)
            {
                AllStarted.Set();
            }
        }
    }

    private sealed class IdleActor(StartCounter started) : UntypedActor
    {
        protected override void PreStart() => started.OnStarted();

        protected override void OnReceive(object message)
        {
        }
    }
}
