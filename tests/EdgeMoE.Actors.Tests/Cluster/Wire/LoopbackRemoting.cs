using Akka.Configuration;
using EdgeMoE.Actors.Cluster.Wire;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

/// <summary>Configuration of an ActorSystem that talks remoting on loopback (port chosen by the OS) with our serializer.</summary>
internal static class LoopbackRemoting
{
    public const string Remote = """
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        """;

    /// <summary>Remoting plus <see cref="EdgeMoeWire.Configuration"/>.</summary>
    public static Config WithWire { get; } = ConfigurationFactory.ParseString(Remote).WithFallback(EdgeMoeWire.Configuration);

    /// <summary>The address remote peers reach <paramref name="system"/> at.</summary>
    public static Address AddressOf(ActorSystem system) => ((ExtendedActorSystem)system).Provider.DefaultAddress;
}
