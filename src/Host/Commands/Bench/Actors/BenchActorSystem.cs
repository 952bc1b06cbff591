using Akka.Actor;
using Akka.Configuration;
using EdgeMoE.Hocon;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary>
/// The actor systems the actor benchmarks measure: Akka.NET with the installed reference.conf's akka section
/// (so its log goes to stderr like every edgemoe command's), under a dispatcher tuned for message rate.
/// </summary>
internal static class BenchActorSystem
{
    /// <summary>Messages an actor processes per turn: long turns amortise the hand-over between ping-pong partners.</summary>
    public const int Throughput = 10_000;

    public static ActorSystem Create(string name)
    {
        // One dedicated thread per core measured about 1.5x the thread-pool executor's ping-pong rate here.
        var threads = Environment.ProcessorCount;
        var tuning = ConfigurationFactory.ParseString($$"""
            akka.actor.default-dispatcher {
              throughput = {{Throughput}}
              executor = fork-join-executor
              fork-join-executor { parallelism-min = {{threads}}, parallelism-max = {{threads}}, parallelism-factor = 1 }
            }
            """);
        var reference = HoconDocument.Load(ReferenceConfig.Locate(ReferenceConfig.Shipped)).Resolve();
        return ActorSystem.Create(name, tuning.WithFallback(AkkaSection.Read(reference)));
    }
}
