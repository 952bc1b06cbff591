using System.CommandLine;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Cluster;

/// <summary>
/// The command-line options of a cluster member (<c>run</c> and <c>node</c>). They override <c>edgemoe.cluster</c> but
/// are not written to config.conf: where a run executes never changes its results.
/// </summary>
internal sealed class ClusterOptions
{
    public Option<string?> SeedNodes { get; } = new("--seed-nodes") { Description = "Join the cluster of these members: HOST:PORT[,HOST:PORT...]." };

    public Option<int?> Port { get; } = new("--port") { Description = "TCP port this member listens on (0 = any free port)." };

    public Option<string?> Hostname { get; } = new("--hostname") { Description = "Address this member binds and advertises to the others." };

    public Option<string?> Credentials { get; } = new("--credentials") { Description = "Folder of the cluster's TLS credentials (edgemoe cluster new-credentials DIR)." };

    public IEnumerable<Option> All => [SeedNodes, Port, Hostname, Credentials];

    /// <summary>The options given, as values (null = not given).</summary>
    public Given Read(ParseResult parse) => new(
        parse.GetValue(SeedNodes), parse.GetValue(Port), parse.GetValue(Hostname), parse.GetValue(Credentials), null);

    /// <summary>Cluster options as given on the command line.</summary>
    /// <param name="SeedNodes">--seed-nodes.</param>
    /// <param name="Port">--port.</param>
    /// <param name="Hostname">--hostname.</param>
    /// <param name="Credentials">--credentials.</param>
    /// <param name="MinEdgeNodes">--min-edge-nodes (run only).</param>
    public sealed record Given(string? SeedNodes, int? Port, string? Hostname, string? Credentials, int? MinEdgeNodes)
    {
        /// <summary><paramref name="settings"/> with the given options on top.</summary>
        /// <exception cref="EdgeMoE.Host.Cli.BadInputException">A port outside 0..65535.</exception>
        public ClusterSettings Over(ClusterSettings settings) => Port is < 0 or > 65535
            ? throw new EdgeMoE.Host.Cli.BadInputException($"--port: {Port} is not a TCP port (0..65535; 0 = any free port)")
            : MinEdgeNodes is < 1
            ? throw new EdgeMoE.Host.Cli.BadInputException($"--min-edge-nodes must be >= 1, got {MinEdgeNodes}")
            : settings with
        {
            MinEdgeNodes = MinEdgeNodes ?? settings.MinEdgeNodes,
            Port = Port ?? settings.Port,
            Hostname = Hostname ?? settings.Hostname,
            Credentials = Credentials ?? settings.Credentials,
        };
    }
}
