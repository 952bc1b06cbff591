using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Configuration;
using EdgeMoE.Actors.Cluster.Tls;
using EdgeMoE.Host.Cluster;

namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>Actor systems on loopback for the TLS tests, and credentials made the way users make them.</summary>
internal static class TlsNodes
{
    /// <summary>Every node of a cluster shares the actor system's name.</summary>
    public const string SystemName = "edgemoe";

    /// <summary>Generous on a loaded two-core machine: joining on loopback usually takes one to two seconds.</summary>
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(25);

    /// <summary>How long an intruder is given to join or deliver; it keeps retrying all that time.</summary>
    public static readonly TimeSpan IntruderWindow = TimeSpan.FromSeconds(8);

    /// <summary>Credentials from <c>edgemoe cluster new-credentials</c> into <paramref name="scratch"/>, loaded back.</summary>
    public static ClusterCredentials NewCredentials(ScratchFolder scratch, string name)
    {
        var directory = Path.Combine(scratch.Path, name);
        var (exit, _, error) = CliRunner.Run("cluster", "new-credentials", directory);
        Assert.True(exit == 0, error);
        return CredentialsDirectory.Load(directory, TimeProvider.System);
    }

    /// <summary>A node's configuration on 127.0.0.1; port 0 lets the OS choose.</summary>
    public static Akka.Configuration.Config NodeConfig(string provider = "cluster", int port = 0, int? publicPort = null) =>
        ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = WARNING
              stdout-loglevel = OFF
              actor.provider = {{provider}}
              remote.dot-netty.tcp {
                hostname = 127.0.0.1
                port = {{port}}
                {{(publicPort is { } p ? $"public-port = {p}" : "")}}
              }
              remote.retry-gate-closed-for = 1s
              cluster.seed-node-timeout = 2s
            }
            """);

    public static Address AddressOf(ActorSystem system) => ((ExtendedActorSystem)system).Provider.DefaultAddress;

    /// <summary>The path of <paramref name="actor"/> as seen from another node that reaches it at <paramref name="address"/>.</summary>
    public static string PathAt(Address address, IActorRef actor) => $"{address}{actor.Path.ToStringWithoutAddress()}";

    /// <summary>A port free right now on loopback, for a node that must bind a known port.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Terminates every system in parallel (a cluster member leaves first, which takes a moment).</summary>
    public static Task TerminateAll(params ActorSystem[] systems) => Task.WhenAll(systems.Select(s => s.Terminate()));
}
