using EdgeMoE.Host.Tests.Cluster;

namespace EdgeMoE.Host.Tests.Jesa;

/// <summary>JESA's nodes and links on two local edge-node processes write the files of one process.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class JesaLocalNodesTests
{
    [Fact]
    public void Nodes_and_links_on_two_local_node_processes_write_the_files_of_one_process()
    {
        using var scratch = new ScratchFolder();
        var weights = TinyJesa.Weights(scratch);
        var config = scratch.Write("jesa.conf", TinyJesa.Scenario(weights, "images = 8"));

        var alone = Path.Combine(scratch.Path, "alone");
        var single = EdgemoeProcess.Run(TimeSpan.FromMinutes(2), "run", config, "--out", alone);
        Assert.True(single.ExitCode == 0, single.Error);
        var spread = Path.Combine(scratch.Path, "spread");
        var clustered = EdgemoeProcess.Run(TimeSpan.FromMinutes(2), "run", config, "--out", spread, "--local-nodes", "2");
        Assert.True(clustered.ExitCode == 0, clustered.Error);
        Assert.Contains("with 2 edge node(s)", clustered.Error, StringComparison.Ordinal);

        foreach (var file in new[] { "summary.json", "layers.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(alone, file)), File.ReadAllBytes(Path.Combine(spread, file)));
        }
    }
}
