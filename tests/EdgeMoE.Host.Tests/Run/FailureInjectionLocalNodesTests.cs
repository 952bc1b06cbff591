using EdgeMoE.Host.Tests.Cluster;

namespace EdgeMoE.Host.Tests.Run;

/// <summary>The same failures (one of each kind) on three local edge-node processes give the files of one process.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class FailureInjectionLocalNodesTests
{
    [Fact]
    public void The_same_failures_on_three_local_node_processes_give_the_files_of_one_process()
    {
        using var scenario = new TinyScenario(FailureInjectionTests.Mixed);
        var (alone, cluster) = LocalNodesComparison.AssertSameFiles(scenario, 3, ["metrics.csv", "summary.json", "events.csv"], "--policy", "stable-moe", "--slots", "10", "--no-report");
        Assert.Equal(4, File.ReadAllLines(Path.Combine(alone, "events.csv")).Length - 1);
        // On the cluster the crashed node's system really went down and came back as a new member.
        Assert.Contains("crashing at slot 3 (a scheduled crash-node failure)", cluster);
        Assert.Contains("joining again as a new member", cluster);
    }
}
