using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeMoE.Actors.Cluster.Tls;

/// <summary>
/// Makes a new cluster's credentials: a CA (ECDSA P-256) and one node certificate it signs, with server and
/// client authentication. The CA's private key is dropped once the node certificate is signed, so nobody can mint
/// further certificates of this cluster: every node shares the one node certificate.
/// </summary>
public static class ClusterCredentialsMint
{
    /// <summary>How long new credentials stay valid: five years (1,826 days).</summary>
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(1826);

    /// <summary>Tolerated clock difference between machines: certificates are valid from an hour before minting.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    /// <summary>New credentials valid from <paramref name="time"/>'s now (less an hour) for <paramref name="validity"/>.</summary>
    /// <param name="time">The clock that dates the certificates.</param>
    /// <param name="validity">Lifetime of both certificates (&gt; 0).</param>
    public static ClusterCredentials Create(TimeProvider time, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var notBefore = now - ClockSkew;
        var notAfter = now + validity;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest($"CN=EdgeMoE cluster CA {id}", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authorityWithKey = authorityRequest.CreateSelfSigned(notBefore, notAfter);

        using var nodeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var nodeRequest = new CertificateRequest($"CN=EdgeMoE cluster node {id}", nodeKey, HashAlgorithmName.SHA256);
        nodeRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        nodeRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        nodeRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [AuthorityChain.ServerAuthentication, AuthorityChain.ClientAuthentication], false));
        nodeRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(nodeRequest.PublicKey, false));
        nodeRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authorityWithKey, true, false));
        using var node = nodeRequest.Create(authorityWithKey, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));

        // Only the public part of the CA is kept: its key dies with this method.
        var authority = X509CertificateLoader.LoadCertificate(authorityWithKey.RawData);
        return new ClusterCredentials(authority, node.CopyWithPrivateKey(nodeKey));
    }
}
