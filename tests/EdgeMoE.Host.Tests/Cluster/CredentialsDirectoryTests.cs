using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeMoE.Actors.Cluster.Tls;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;

namespace EdgeMoE.Host.Tests.Cluster;

public sealed class CredentialsDirectoryTests : IDisposable
{
    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Loads_what_new_credentials_wrote()
    {
        var directory = NewDirectory("cluster");
        var credentials = CredentialsDirectory.Load(directory, TimeProvider.System);
        Assert.True(credentials.Node.HasPrivateKey);
        Assert.Equal(credentials.Authority.Subject, credentials.Node.Issuer);
    }

    [Fact]
    public void Loads_files_a_user_brings_with_an_rsa_key()
    {
        var directory = Path.Combine(_scratch.Path, "own");
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=our own CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        using var nodeKey = RSA.Create(2048);
        var nodeRequest = new CertificateRequest("CN=machine 7", nodeKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        nodeRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [AuthorityChain.ServerAuthentication, AuthorityChain.ClientAuthentication], false));
        using var node = nodeRequest.Create(authority, now.AddDays(-1), now.AddDays(30), [7]);
        File.WriteAllText(Path.Combine(directory, "ca.crt"), authority.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "node.crt"), node.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "node.key"), nodeKey.ExportRSAPrivateKeyPem());

        var credentials = CredentialsDirectory.Load(directory, TimeProvider.System);

        Assert.Equal("CN=machine 7", credentials.Node.Subject);
        Assert.NotNull(credentials.Node.GetRSAPrivateKey());
    }

    [Fact]
    public void A_missing_directory_is_named()
    {
        var missing = Path.Combine(_scratch.Path, "nowhere");
        var error = Assert.Throws<BadInputException>(() => CredentialsDirectory.Load(missing, TimeProvider.System));
        Assert.StartsWith($"{missing}: no such credentials directory", error.Message);
    }

    [Theory]
    [InlineData("ca.crt")]
    [InlineData("node.crt")]
    [InlineData("node.key")]
    public void A_missing_file_is_named(string file)
    {
        var directory = NewDirectory("cluster");
        File.Delete(Path.Combine(directory, file));
        var error = Assert.Throws<BadInputException>(() => CredentialsDirectory.Load(directory, TimeProvider.System));
        Assert.StartsWith($"{Path.Combine(directory, file)}: missing", error.Message);
    }

    [Theory]
    [InlineData("ca.crt", "not a PEM certificate")]
    [InlineData("node.crt", "not a PEM certificate")]
    [InlineData("node.key", "not a PEM ECDSA private key")]
    public void An_unreadable_pem_file_is_named(string file, string reason)
    {
        var directory = NewDirectory("cluster");
        File.WriteAllText(Path.Combine(directory, file), "hello\n");
        var error = Assert.Throws<BadInputException>(() => CredentialsDirectory.Load(directory, TimeProvider.System));
        Assert.StartsWith($"{Path.Combine(directory, file)}: {reason}", error.Message);
    }

    [Fact]
    public void A_node_certificate_of_another_ca_names_the_node_certificate()
    {
        var directory = NewDirectory("ours");
        var theirs = NewDirectory("theirs");
        File.Copy(Path.Combine(theirs, "ca.crt"), Path.Combine(directory, "ca.crt"), overwrite: true);
        var error = Assert.Throws<BadInputException>(() => CredentialsDirectory.Load(directory, TimeProvider.System));
        Assert.StartsWith($"{Path.Combine(directory, "node.crt")}: not a node certificate of the CA in {Path.Combine(directory, "ca.crt")}", error.Message);
    }

    [Fact]
    public void A_key_of_another_certificate_names_the_key_file()
    {
        var directory = NewDirectory("ours");
        var theirs = NewDirectory("theirs");
        File.Copy(Path.Combine(theirs, "node.key"), Path.Combine(directory, "node.key"), overwrite: true);
        var error = Assert.Throws<BadInputException>(() => CredentialsDirectory.Load(directory, TimeProvider.System));
        Assert.Equal(
            $"{Path.Combine(directory, "node.key")}: this private key does not belong to the certificate in {Path.Combine(directory, "node.crt")}",
            error.Message);
    }

    [Fact]
    public void Expired_credentials_name_the_certificate()
    {
        var directory = NewDirectory("cluster");
        var later = new FixedTime(DateTimeOffset.UtcNow.AddYears(6));
        var error = Assert.Throws<BadInputException>(() => CredentialsDirectory.Load(directory, later));
        Assert.StartsWith($"{Path.Combine(directory, "ca.crt")}: expired on ", error.Message);
    }

    [Fact]
    public void Credentials_not_yet_valid_name_the_certificate()
    {
        var directory = NewDirectory("cluster");
        var earlier = new FixedTime(DateTimeOffset.UtcNow.AddDays(-2));
        var error = Assert.Throws<BadInputException>(() => CredentialsDirectory.Load(directory, earlier));
        Assert.StartsWith($"{Path.Combine(directory, "ca.crt")}: not valid before ", error.Message);
    }

    private string NewDirectory(string name)
    {
        var directory = Path.Combine(_scratch.Path, name);
        var (exit, _, error) = CliRunner.Run("cluster", "new-credentials", directory);
        Assert.True(exit == 0, error);
        return directory;
    }
}
