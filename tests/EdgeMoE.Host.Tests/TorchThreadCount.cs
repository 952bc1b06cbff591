namespace EdgeMoE.Host.Tests;

/// <summary>
/// Tests of commands that set libtorch's process-wide intra-op thread count (run sets 1, train its --threads): they run one
/// after another, since a run's floating-point results depend on that count and another test must not change it midway.
/// The tests of local cluster processes run alone instead (<see cref="Cluster.LocalClusterProcesses"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchThreadCount
{
    public const string Name = "torch intra-op thread count";
}
