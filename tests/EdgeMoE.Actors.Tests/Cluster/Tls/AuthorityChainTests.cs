using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeMoE.Actors.Cluster.Tls;

namespace EdgeMoE.Actors.Tests.Cluster.Tls;

public sealed class AuthorityChainTests
{
    private static readonly DateTimeOffset Minted = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_node_certificate_for_server_and_client_authentication_is_accepted()
    {
        using var authority = TestAuthority();
        using var node = SignedNode(authority, AuthorityChain.ServerAuthentication, AuthorityChain.ClientAuthentication);
        Assert.Equal(X509ChainStatusFlags.NoError, AuthorityChain.Verify(node, Public(authority), Minted.AddDays(1).UtcDateTime));
    }

    [Fact]
    public void A_node_certificate_for_server_authentication_only_is_refused()
    {
        using var authority = TestAuthority();
        using var node = SignedNode(authority, AuthorityChain.ServerAuthentication);
        var problems = AuthorityChain.Verify(node, Public(authority), Minted.AddDays(1).UtcDateTime);
        Assert.True(problems.HasFlag(X509ChainStatusFlags.NotValidForUsage), problems.ToString());
    }

    [Fact]
    public void A_node_certificate_is_refused_after_it_expired()
    {
        using var authority = TestAuthority();
        using var node = SignedNode(authority, AuthorityChain.ServerAuthentication, AuthorityChain.ClientAuthentication);
        var problems = AuthorityChain.Verify(node, Public(authority), Minted.AddYears(2).UtcDateTime);
        Assert.True(problems.HasFlag(X509ChainStatusFlags.NotTimeValid), problems.ToString());
    }

    [Fact]
    public void Minted_credentials_chain_to_their_own_authority_only()
    {
        var ours = ClusterCredentialsMint.Create(TimeProvider.System, ClusterCredentialsMint.DefaultValidity);
        var theirs = ClusterCredentialsMint.Create(TimeProvider.System, ClusterCredentialsMint.DefaultValidity);
        Assert.False(ours.Authority.HasPrivateKey);
        Assert.Equal(X509ChainStatusFlags.NoError, AuthorityChain.Verify(ours.Node, ours.Authority));
        Assert.NotEqual(X509ChainStatusFlags.NoError, AuthorityChain.Verify(theirs.Node, ours.Authority));
    }

    /// <summary>A CA valid for one year from <see cref="Minted"/>, with its key, to sign test certificates.</summary>
    private static X509Certificate2 TestAuthority()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(Minted, Minted.AddYears(1));
    }

    private static X509Certificate2 SignedNode(X509Certificate2 authority, params Oid[] usages)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test node", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages], false));
        return request.Create(authority, Minted, Minted.AddYears(1), [1, 2, 3, 4]);
    }

    private static X509Certificate2 Public(X509Certificate2 authority) => X509CertificateLoader.LoadCertificate(authority.RawData);
}
