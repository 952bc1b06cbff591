using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;

namespace EdgeMoE.Actors.Cluster.Tls;

/// <summary>Actor systems whose remoting runs over the cluster's mutual TLS (<see cref="ClusterTls"/>).</summary>
public static class ClusterActorSystem
{
    /// <summary>
    /// Starts actor system <paramref name="name"/> with <paramref name="config"/> (the provider, hostname, port and
    /// seed nodes are the caller's) and, when <paramref name="credentials"/> are given, remoting over TLS: its
    /// address is then <c>akka.ssl.tcp://NAME@HOST:PORT</c> (<see cref="ClusterTls.Protocol"/>).
    /// </summary>
    /// <param name="credentials">The cluster's credentials; null means plain TCP, for in-process tests only.</param>
    public static ActorSystem Create(string name, Config config, ClusterCredentials? credentials) =>
        ActorSystem.Create(name, Setup(config, credentials));

    /// <summary>
    /// The setup <see cref="Create"/> starts a system from, for callers that start it themselves (e.g. a TestKit).
    /// </summary>
    public static ActorSystemSetup Setup(Config config, ClusterCredentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(config);
        return credentials is null
            ? ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config))
            : BootstrapSetup.Create().WithConfig(ClusterTls.Config.WithFallback(config)).And(ClusterTls.Setup(credentials));
    }
}
