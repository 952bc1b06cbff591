namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.cluster</c> section: how a run spreads over several processes or machines.</summary>
/// <param name="MinEdgeNodes">Edge members the coordinator waits for before it places the edge actors (≥ 1).</param>
/// <param name="JoinTimeout">How long the coordinator waits for them, and an edge node for its first join.</param>
/// <param name="Hostname">Address this node binds and advertises; empty lets Akka pick the machine's address.</param>
/// <param name="Port">TCP port this node listens on (0 = chosen by the operating system).</param>
/// <param name="Credentials">Folder of the cluster's TLS credentials (ca.crt, node.crt, node.key); empty = none given.</param>
public sealed record ClusterSettings(int MinEdgeNodes, TimeSpan JoinTimeout, string Hostname, int Port, string Credentials)
{
    public const string Section = "cluster";

    internal static ClusterSettings Read(SettingsReader r) => new(
        MinEdgeNodes: r.Int("min-edge-nodes", min: 1),
        JoinTimeout: r.PositiveDuration("join-timeout"),
        Hostname: r.Section.GetString("hostname").Trim(),
        Port: r.Int("port", min: 0, max: 65535),
        Credentials: r.Section.GetString("credentials").Trim());
}
