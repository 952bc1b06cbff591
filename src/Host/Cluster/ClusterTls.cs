using Akka.Actor.Setup;

namespace EdgeMoE.Host.Cluster;

/// <summary>What a member needs for remoting over TLS: the HOCON that switches it on and the certificate setup.</summary>
/// <param name="Configuration">Akka settings (enable-ssl and its options).</param>
/// <param name="Setup">The programmatic SSL setup (certificate, mutual authentication, our CA as the only trust).</param>
internal sealed record ClusterTls(Akka.Configuration.Config Configuration, Setup Setup);
