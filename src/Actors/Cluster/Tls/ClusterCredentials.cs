using System.Security.Cryptography.X509Certificates;

namespace EdgeMoE.Actors.Cluster.Tls;

/// <summary>
/// What a node needs to take part in a cluster over TLS: the cluster's own CA certificate (the only trust anchor;
/// the system trust store plays no part) and this node's certificate, signed by that CA, with its private key.
/// </summary>
/// <remarks>The certificates are owned by the caller and must outlive every actor system created with them.</remarks>
public sealed class ClusterCredentials
{
    /// <param name="authority">The cluster's CA certificate (public part only is needed).</param>
    /// <param name="node">This node's certificate, signed by <paramref name="authority"/>, with its private key.</param>
    /// <exception cref="ArgumentException"><paramref name="node"/> carries no private key.</exception>
    public ClusterCredentials(X509Certificate2 authority, X509Certificate2 node)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(node);
        if (!node.HasPrivateKey)
        {
            throw new ArgumentException($"The node certificate {node.Subject} has no private key.", nameof(node));
        }

        Authority = authority;
        Node = node;
    }

    /// <summary>The cluster's CA certificate: a peer is accepted iff its certificate chains to it.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>This node's certificate with its private key, presented both as TLS server and as TLS client.</summary>
    public X509Certificate2 Node { get; }
}
