namespace EdgeMoE.Host.Tests.Cluster;

/// <summary>
/// Tests whose cluster members (local edge-node processes, or in-process members) must hear each other's heartbeats:
/// they run alone, after the parallel tests. Beside another test on this 2-core machine, heartbeats of three node
/// processes arrived 4-7 s late, past the 6 s acceptable pause, and the split-brain resolver downed healthy members
/// (LocalNodesRunTests failed so twice in CI). Running alone also keeps the torch thread count of
/// <see cref="TorchThreadCount"/> untouched while they run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalClusterProcesses
{
    public const string Name = "Local cluster processes";
}
