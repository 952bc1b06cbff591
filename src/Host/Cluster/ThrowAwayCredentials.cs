using EdgeMoE.Actors.Cluster.Tls;

namespace EdgeMoE.Host.Cluster;

/// <summary>Credentials made for one <c>--local-nodes</c> run in a private temporary folder, deleted afterwards.</summary>
internal sealed class ThrowAwayCredentials : IDisposable
{
    private ThrowAwayCredentials(string folder) => Folder = folder;

    /// <summary>The folder holding ca.crt, node.crt and node.key.</summary>
    public string Folder { get; }

    /// <summary>Creates fresh credentials (a new CA) readable by this user only.</summary>
    public static ThrowAwayCredentials Create()
    {
        var folder = Directory.CreateTempSubdirectory("edgemoe-cluster-").FullName;
        try
        {
            CredentialsDirectory.Write(folder, ClusterCredentialsMint.Create(TimeProvider.System, TimeSpan.FromDays(1)));
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        return new ThrowAwayCredentials(folder);
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
