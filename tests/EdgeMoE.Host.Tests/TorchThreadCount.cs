namespace EdgeMoE.Host.Tests;

/// <summary>
/// Tests of commands that set libtorch's process-wide intra-op thread count (run sets 1, train its --threads): they run one
/// after another, since a run's floating-point results depend on that count and another test must not change it midway.
/// The tests that start local cluster processes run here too: side by side on 2 cores they starve each other's heartbeats
/// until the failure detector removes a node.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchThreadCount
{
    public const string Name = "torch intra-op thread count";
}
