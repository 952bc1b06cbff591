namespace EdgeMoE.Actors.Cluster;

/// <summary>The roles of an EdgeMoE cluster member.</summary>
public static class ClusterRoles
{
    /// <summary>Slot clock, token source, router, policy and metrics writer: the run's cluster singleton lives here.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Expert servers, expert nodes and clients with their links, placed here by the coordinator.</summary>
    public const string Edge = "edge";
}
