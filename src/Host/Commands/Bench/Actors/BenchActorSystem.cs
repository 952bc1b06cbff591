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
    /// <summary>Messages an actor processes per turn: large turns amortise the thread hand-over of ping-pong.</summary>
    public const int Throughput = 1000;

    public static ActorSystem Create(string name)
    {
        var tuning = ConfigurationFactory.ParseString($"akka.actor.default-dispatcher.throughput = {Throughput}");
        var reference = HoconDocument.Load(ReferenceConfig.Locate(ReferenceConfig.Shipped)).Resolve();
        return ActorSystem.Create(name, tuning.WithFallback(AkkaSection.Read(reference)));
    }
}
