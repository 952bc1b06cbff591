using EdgeMoE.Actors.Cluster.Tls;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Cluster;

/// <summary>The credentials of a cluster member from the folder the user names (or a throw-away one for --local-nodes).</summary>
internal static class ClusterSecurity
{
    /// <summary>The credentials in <paramref name="folder"/>, checked (see <see cref="CredentialsDirectory.Load"/>).</summary>
    /// <param name="folder">The folder (ca.crt, node.crt, node.key).</param>
    /// <param name="source">How the user named it, for messages (e.g. --credentials).</param>
    /// <exception cref="BadInputException">No folder given, or a missing or invalid file, named.</exception>
    public static ClusterCredentials Credentials(string folder, string source)
    {
        if (folder.Length == 0)
        {
            throw new BadInputException(
                $"a cluster member needs the cluster's TLS credentials: {source} DIR or edgemoe.cluster.credentials " +
                "(create them once with `edgemoe cluster new-credentials DIR` and copy DIR to every machine)");
        }

        return CredentialsDirectory.Load(folder, TimeProvider.System);
    }
}
