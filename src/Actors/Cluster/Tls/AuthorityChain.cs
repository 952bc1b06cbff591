using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeMoE.Actors.Cluster.Tls;

/// <summary>
/// Whether a node certificate chains to one cluster CA and may serve both ends of a TLS connection, judged against
/// that CA alone (custom root trust): the machine's trust store neither helps nor hurts.
/// </summary>
public static class AuthorityChain
{
    /// <summary>TLS server authentication (1.3.6.1.5.5.7.3.1): every node accepts connections.</summary>
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1", "Server Authentication");

    /// <summary>TLS client authentication (1.3.6.1.5.5.7.3.2): every node also opens connections.</summary>
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    /// <summary>
    /// The chain problems of <paramref name="certificate"/> under <paramref name="authority"/>, or
    /// <see cref="X509ChainStatusFlags.NoError"/> when it is signed by that CA, valid at the verification time and
    /// usable for server and client authentication. Revocation is not checked: our CAs publish no lists.
    /// </summary>
    /// <param name="verificationTime">Instant to judge validity at (UTC); null means now.</param>
    public static X509ChainStatusFlags Verify(X509Certificate2 certificate, X509Certificate2 authority, DateTime? verificationTime = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authority);
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.Add(authority);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.ApplicationPolicy.Add(ServerAuthentication);
        policy.ApplicationPolicy.Add(ClientAuthentication);
        if (verificationTime is { } at)
        {
            policy.VerificationTime = at;
            policy.VerificationTimeIgnored = false;
        }

        if (chain.Build(certificate) && EndsAt(chain, authority))
        {
            return X509ChainStatusFlags.NoError;
        }

        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        // A chain that built but ends elsewhere cannot happen under custom root trust; report it as untrusted anyway.
        return flags == X509ChainStatusFlags.NoError ? X509ChainStatusFlags.UntrustedRoot : flags;
    }

    private static bool EndsAt(X509Chain chain, X509Certificate2 authority) =>
        chain.ChainElements.Count > 0 && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span);
}
