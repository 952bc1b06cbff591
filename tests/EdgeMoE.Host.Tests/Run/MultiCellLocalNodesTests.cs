using EdgeMoE.Host.Tests.Cluster;

namespace EdgeMoE.Host.Tests.Run;

/// <summary>A network of two cells on two local edge-node processes writes the files of one process.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class MultiCellLocalNodesTests
{
    [Fact]
    public void Two_cells_on_two_local_node_processes_write_the_files_of_one_process()
    {
        using var scenario = new TinyScenario("cells = 2");
        LocalNodesComparison.AssertSameFiles(scenario, 2, ["metrics.csv", "summary.json"], "--policy", "stable-moe", "--slots", "3", "--no-report");
    }
}
