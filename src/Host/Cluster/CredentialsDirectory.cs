using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeMoE.Actors.Cluster.Tls;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Cluster;

/// <summary>
/// A cluster's credentials on disk: a directory holding <c>ca.crt</c> (PEM, the cluster's CA certificate),
/// <c>node.crt</c> (PEM, a node certificate signed by it, with serverAuth and clientAuth usage) and
/// <c>node.key</c> (PEM, that certificate's private key, PKCS#8 or SEC1; mode 0600 on Unix). Users may bring
/// their own files in this layout, e.g. one node certificate per machine from their own CA.
/// </summary>
internal static class CredentialsDirectory
{
    /// <summary>The cluster's CA certificate.</summary>
    public const string AuthorityFile = "ca.crt";

    /// <summary>The node certificate.</summary>
    public const string NodeFile = "node.crt";

    /// <summary>The node certificate's private key.</summary>
    public const string KeyFile = "node.key";

    /// <summary>The three files, in the order they are read.</summary>
    public static IReadOnlyList<string> Files { get; } = [AuthorityFile, NodeFile, KeyFile];

    /// <summary>
    /// Reads and checks the credentials in <paramref name="directory"/>: every file present and readable, the key
    /// belonging to the node certificate, the node certificate signed by <c>ca.crt</c>, both valid at
    /// <paramref name="time"/>'s now.
    /// </summary>
    /// <exception cref="BadInputException">One message naming the file at fault.</exception>
    public static ClusterCredentials Load(string directory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!Directory.Exists(directory))
        {
            throw new BadInputException(File.Exists(directory)
                ? $"{directory}: not a directory; cluster credentials are a directory with {string.Join(", ", Files)}"
                : $"{directory}: no such credentials directory (make one with 'edgemoe cluster new-credentials {directory}')");
        }

        var authorityPath = Path.Combine(directory, AuthorityFile);
        var nodePath = Path.Combine(directory, NodeFile);
        var keyPath = Path.Combine(directory, KeyFile);
        var authority = ReadCertificate(authorityPath);
        var node = ReadCertificate(nodePath);
        var key = ReadKey(keyPath, node);
        var nodeWithKey = Pair(node, key, nodePath, keyPath);

        var now = time.GetUtcNow().UtcDateTime;
        RequireValidAt(authority, authorityPath, now);
        RequireValidAt(node, nodePath, now);
        var problems = AuthorityChain.Verify(node, authority, now);
        if (problems != X509ChainStatusFlags.NoError)
        {
            throw new BadInputException(
                $"{nodePath}: not a node certificate of the CA in {authorityPath} ({problems}); it must be signed by that CA " +
                "and allow both server and client authentication");
        }

        return new ClusterCredentials(authority, nodeWithKey);
    }

    /// <summary>
    /// Writes <paramref name="credentials"/> into <paramref name="directory"/> (created if missing; the key file
    /// with mode 0600 on Unix) and returns the three paths.
    /// </summary>
    /// <exception cref="BadInputException">One of the three files already exists: nothing is overwritten.</exception>
    public static IReadOnlyList<string> Write(string directory, ClusterCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var paths = Files.Select(f => Path.Combine(directory, f)).ToArray();
        if (paths.FirstOrDefault(p => File.Exists(p) || Directory.Exists(p)) is { } existing)
        {
            throw new BadInputException($"{existing}: already exists; refusing to overwrite credentials (choose another directory)");
        }

        if (File.Exists(directory))
        {
            throw new BadInputException($"{directory}: is a file, not a directory");
        }

        CreateDirectory(directory);
        using var key = (AsymmetricAlgorithm?)credentials.Node.GetECDsaPrivateKey() ?? credentials.Node.GetRSAPrivateKey()
            ?? throw new ArgumentException("The node certificate's key is neither ECDSA nor RSA.", nameof(credentials));
        WriteNew(paths[0], credentials.Authority.ExportCertificatePem(), secret: false);
        WriteNew(paths[1], credentials.Node.ExportCertificatePem(), secret: false);
        WriteNew(paths[2], key.ExportPkcs8PrivateKeyPem(), secret: true);
        return paths;
    }

    private static X509Certificate2 ReadCertificate(string path)
    {
        var text = ReadText(path);
        try
        {
            return X509Certificate2.CreateFromPem(text);
        }
        catch (CryptographicException e)
        {
            throw new BadInputException($"{path}: not a PEM certificate (-----BEGIN CERTIFICATE-----): {e.Message}", e);
        }
    }

    private static AsymmetricAlgorithm ReadKey(string path, X509Certificate2 node)
    {
        var text = ReadText(path);
        if (text.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new BadInputException($"{path}: an encrypted private key; give the key unencrypted (protect it with file mode 0600)");
        }

        using var ecdsaPublic = node.GetECDsaPublicKey();
        using var rsaPublic = node.GetRSAPublicKey();
        var (key, kind) = ecdsaPublic is not null ? ((AsymmetricAlgorithm)ECDsa.Create(), "ECDSA")
            : rsaPublic is not null ? (RSA.Create(), "RSA")
            : throw new BadInputException($"{path}: the certificate beside it has a key that is neither ECDSA nor RSA");
        try
        {
            key.ImportFromPem(text);
            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new BadInputException($"{path}: not a PEM {kind} private key, the kind of the key in {NodeFile}: {e.Message}", e);
        }
    }

    private static X509Certificate2 Pair(X509Certificate2 node, AsymmetricAlgorithm key, string nodePath, string keyPath)
    {
        try
        {
            return key switch
            {
                ECDsa ecdsa => node.CopyWithPrivateKey(ecdsa),
                RSA rsa => node.CopyWithPrivateKey(rsa),
                _ => throw new ArgumentException("unsupported key type"),
            };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new BadInputException($"{keyPath}: this private key does not belong to the certificate in {nodePath}", e);
        }
        finally
        {
            key.Dispose();
        }
    }

    private static void RequireValidAt(X509Certificate2 certificate, string path, DateTime now)
    {
        if (now > certificate.NotAfter.ToUniversalTime())
        {
            throw new BadInputException($"{path}: expired on {Stamp(certificate.NotAfter)}; make new credentials with 'edgemoe cluster new-credentials'");
        }

        if (now < certificate.NotBefore.ToUniversalTime())
        {
            throw new BadInputException($"{path}: not valid before {Stamp(certificate.NotBefore)} (is this machine's clock right?)");
        }
    }

    private static string Stamp(DateTime local) =>
        local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException e)
        {
            throw new BadInputException($"{path}: missing; a credentials directory holds {string.Join(", ", Files)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    private static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WriteNew(string path, string text, bool secret)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            // Created with 0600 from the first byte, not chmod-ed after the key is on disk.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
        writer.Write('\n');
    }
}
