using EdgeMoE.Actors.Cluster;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Cluster;

/// <summary>
/// The cluster side of <c>edgemoe run --seed-nodes ...</c> or <c>--local-nodes N</c>: the coordinator's session, the
/// local node processes and their throw-away credentials; disposing it releases the nodes and cleans up.
/// </summary>
internal sealed class ClusterRun : IDisposable
{
    private readonly CoordinatorSession _session;
    private readonly LocalEdgeNodes? _nodes;
    private readonly ThrowAwayCredentials? _credentials;

    private ClusterRun(CoordinatorSession session, LocalEdgeNodes? nodes, ThrowAwayCredentials? credentials)
    {
        _session = session;
        _nodes = nodes;
        _credentials = credentials;
        Site = EmulationSite.OnCluster(session);
    }

    /// <summary>Where the policies run.</summary>
    public EmulationSite Site { get; }

    /// <summary>The working sets of the local edge-node processes, summed (bytes); 0 when the nodes are not ours.</summary>
    public long EdgeNodesWorkingSetBytes() => _nodes?.WorkingSetBytes() ?? 0;

    /// <summary>Starts the coordinator and waits for its edge members; null when neither option asks for a cluster.</summary>
    /// <param name="given">--seed-nodes, --port, --hostname, --credentials.</param>
    /// <param name="localNodes">--local-nodes.</param>
    /// <param name="settings">The run's settings (edgemoe.cluster, akka).</param>
    /// <param name="threads">The coordinator's dispatcher threads.</param>
    /// <param name="log">Progress lines.</param>
    /// <exception cref="BadInputException">Conflicting options, bad seed nodes or credentials, a port in use, or no cluster in time.</exception>
    public static ClusterRun? Start(ClusterOptions.Given given, int? localNodes, EdgeMoeSettings settings, int threads, TextWriter log)
    {
        if (localNodes is null && given.SeedNodes is null)
        {
            return null;
        }

        if (localNodes is not null && given.SeedNodes is not null)
        {
            throw new BadInputException("--local-nodes and --seed-nodes exclude each other: --local-nodes starts its own cluster on this machine");
        }

        if (localNodes is < 1 or > 64)
        {
            throw new BadInputException($"--local-nodes must be in 1..64, got {localNodes}");
        }

        var cluster = given.Over(settings.Cluster);
        if (localNodes is not null)
        {
            return StartLocal(localNodes.Value, cluster, settings, threads, log);
        }

        var seeds = SeedNodes.Parse(given.SeedNodes!);
        var credentials = ClusterSecurity.Credentials(cluster.Credentials, "--credentials");
        var system = ClusterNodeSystem.Start(ClusterRoles.Coordinator, cluster.Hostname, cluster.Port, settings.Actors.Akka, threads, credentials);
        return new ClusterRun(CoordinatorSession.Join(system, seeds, cluster.MinEdgeNodes, cluster.JoinTimeout, log), null, null);
    }

    public void Dispose()
    {
        _session.Dispose();
        _nodes?.Dispose();
        _credentials?.Dispose();
    }

    private static ClusterRun StartLocal(int count, ClusterSettings cluster, EdgeMoeSettings settings, int threads, TextWriter log)
    {
        var throwAway = cluster.Credentials.Length == 0 ? ThrowAwayCredentials.Create() : null;
        var folder = throwAway?.Folder ?? cluster.Credentials;
        LocalEdgeNodes? nodes = null;
        try
        {
            var credentials = ClusterSecurity.Credentials(folder, "--credentials");
            var system = ClusterNodeSystem.Start(ClusterRoles.Coordinator, "127.0.0.1", cluster.Port, settings.Actors.Akka, threads, credentials);
            var self = Akka.Cluster.Cluster.Get(system).SelfAddress;
            log.WriteLine($"cluster: starting {count} local edge node(s) joining {SeedNodes.Describe(self)}");
            var perNode = Math.Max(1, Environment.ProcessorCount / count);
            nodes = LocalEdgeNodes.Start(count, self, folder, Path.GetFullPath(settings.Source), perNode, log);
            var started = nodes;
            var session = CoordinatorSession.Join(system, [], count, cluster.JoinTimeout, log, started.FirstExit());
            return new ClusterRun(session, nodes, throwAway);
        }
        catch
        {
            nodes?.Dispose();
            throwAway?.Dispose();
            throw;
        }
    }
}
