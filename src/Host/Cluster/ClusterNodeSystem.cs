using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using EdgeMoE.Actors.Cluster.Tls;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Scenarios;

namespace EdgeMoE.Host.Cluster;

/// <summary>
/// Starts the actor system of one cluster member: the emulation's dispatcher and logging
/// (<see cref="EmulationActorSystem"/>), the cluster provider with this member's role, remoting on the given address,
/// our wire serializer and mutual TLS. The user's <c>akka</c> section supplies everything else (failure detector,
/// split-brain resolver, frame size: see hocon/reference.conf).
/// </summary>
internal static class ClusterNodeSystem
{
    /// <summary>Starts the member; it joins no cluster yet (see <see cref="ClusterFormation"/>).</summary>
    /// <param name="role">Its role (<see cref="Actors.Cluster.ClusterRoles"/>).</param>
    /// <param name="hostname">Address to bind and advertise; empty lets Akka pick.</param>
    /// <param name="port">TCP port; 0 lets the operating system pick.</param>
    /// <param name="userAkka">The scenario's <c>akka</c> section.</param>
    /// <param name="threads">Dispatcher threads (≥ 1).</param>
    /// <param name="credentials">The cluster's credentials: remoting is mutual TLS against its CA.</param>
    /// <exception cref="BadInputException">The port is in use or the address cannot be bound.</exception>
    public static ActorSystem Start(string role, string hostname, int port, Akka.Configuration.Config userAkka, int threads, ClusterCredentials credentials)
    {
        var fixedPart = ConfigurationFactory.ParseString($$"""
            akka {
              actor.provider = cluster
              remote.dot-netty.tcp {
                hostname = "{{hostname}}"
                port = {{port}}
              }
              cluster.roles = ["{{role}}"]
              coordinated-shutdown.exit-clr = off
              coordinated-shutdown.run-by-clr-shutdown-hook = off
              # An edge node leaves explicitly at the end of a run; terminating its system otherwise is a crash (no leave).
              coordinated-shutdown.run-by-actor-system-terminate = {{(role == Actors.Cluster.ClusterRoles.Edge ? "off" : "on")}}
            }
            """);
        var config = fixedPart
            .WithFallback(Actors.Cluster.Wire.EdgeMoeWire.Configuration)
            .WithFallback(EmulationActorSystem.Configuration(userAkka, threads))
            .WithFallback(ClusterSingleton.DefaultConfig());
        try
        {
            return ClusterActorSystem.Create(SeedNodes.SystemName, config, credentials);
        }
        catch (Exception e) when (BindFailure(e) is { } reason)
        {
            var where = hostname.Length == 0 ? $"port {port}" : $"{hostname}:{port}";
            throw new BadInputException($"cannot listen on {where} (--port, edgemoe.cluster.port): {reason}");
        }
    }

    private static string? BindFailure(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode == SocketError.AddressAlreadyInUse ? "the port is in use by another program" : socket.Message;
            }
        }

        return e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase) ? e.Message : null;
    }
}
