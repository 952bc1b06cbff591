using System.Security.Cryptography.X509Certificates;
using Akka.Configuration;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;

namespace EdgeMoE.Actors.Cluster.Tls;

/// <summary>
/// Akka.Remote's DotNetty transport over mutual TLS: every connection, in either direction, is accepted only when
/// the peer proves it holds a node certificate of our cluster's CA. Hostnames are not checked (nodes meet by IP
/// address and share one certificate by default); the CA is the whole trust.
/// </summary>
public static class ClusterTls
{
    /// <summary>The address protocol of a TLS node, e.g. in seed nodes <c>akka.ssl.tcp://NAME@HOST:PORT</c>.</summary>
    public const string Protocol = "akka.ssl.tcp";

    /// <summary>
    /// The configuration that turns TLS on. The certificate and its checks come from <see cref="Setup"/>; no
    /// certificate path or secret lives in any config file.
    /// </summary>
    public static Config Config { get; } = ConfigurationFactory.ParseString("akka.remote.dot-netty.tcp.enable-ssl = on");

    /// <summary>
    /// The transport's TLS setup for <paramref name="credentials"/>: this node's certificate, mutual authentication
    /// required, hostname validation off, peers judged by <see cref="AcceptPeersOf"/>.
    /// </summary>
    public static DotNettySslSetup Setup(ClusterCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new DotNettySslSetup(
            WithPersistedKey(credentials.Node),
            suppressValidation: false,
            requireMutualAuthentication: true,
            validateCertificateHostname: false,
            AcceptPeersOf(credentials.Authority));
    }

    /// <summary>
    /// A validator that accepts a peer iff it presented a certificate that chains to <paramref name="authority"/>
    /// (<see cref="AuthorityChain.Verify"/>); the errors the platform found against its own trust store are ignored.
    /// A refusal is logged once per attempt as a warning naming the peer.
    /// </summary>
    public static CertificateValidationCallback AcceptPeersOf(X509Certificate2 authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return (certificate, _, remotePeer, _, log) =>
        {
            if (certificate is null)
            {
                log.Warning("Refused TLS peer {0}: it presented no certificate", remotePeer);
                return false;
            }

            var problems = AuthorityChain.Verify(certificate, authority);
            if (problems == X509ChainStatusFlags.NoError)
            {
                return true;
            }

            log.Warning("Refused TLS peer {0}: its certificate {1} is not a node certificate of this cluster's CA {2} ({3})",
                remotePeer, certificate.Subject, authority.Subject, problems);
            return false;
        };
    }

    /// <summary>
    /// The node certificate re-imported from PKCS#12: SslStream on Windows refuses the ephemeral keys that PEM
    /// loading gives. Linux needs no round trip (the TLS tests pass without it); it is kept for portability.
    /// </summary>
    private static X509Certificate2 WithPersistedKey(X509Certificate2 node) =>
        X509CertificateLoader.LoadPkcs12(node.Export(X509ContentType.Pkcs12), password: null, X509KeyStorageFlags.DefaultKeySet);
}
