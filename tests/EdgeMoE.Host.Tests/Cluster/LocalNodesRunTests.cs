namespace EdgeMoE.Host.Tests.Cluster;

/// <summary><c>run --local-nodes 3</c>: real edge-node processes on loopback give the files of a one-process run.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class LocalNodesRunTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    // Stable-MoE alone: with all five policies the two runs took 69 s of the suite's serial part (21 s in one process,
    // 48 s on three nodes) against 28 s, and CI came within 5 s of its 10 minutes. Every policy runs on a three-node
    // cluster in StableMoeResumeTests (the tiny scenario, killed and resumed to the same files).
    [Fact]
    public void Twelve_slots_on_three_local_node_processes_write_the_files_of_one_process()
    {
        using var folder = new ScratchFolder();
        var output = Path.Combine(folder.Path, "run");
        var alone = Path.Combine(folder.Path, "one-process");
        var scenario = RepositoryFiles.Hocon("stable-moe.conf");

        var single = EdgemoeProcess.Run(Patience, "run", scenario, "--slots", "12", "--policy", "stable-moe", "--out", output);
        Assert.True(single.ExitCode == 0, single.Error);
        Directory.Move(output, alone);

        // The same command line plus --local-nodes, writing to the same folder: config.conf records the folder.
        var clustered = EdgemoeProcess.Run(Patience, "run", scenario, "--slots", "12", "--policy", "stable-moe", "--out", output, "--local-nodes", "3");
        Assert.True(clustered.ExitCode == 0, clustered.Error);
        Assert.Contains("cluster: coordinator 127.0.0.1:", clustered.Error);
        Assert.Contains("with 3 edge node(s)", clustered.Error);

        foreach (var file in new[] { "metrics.csv", "summary.json", "config.conf" })
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(alone, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file))),
                $"{file} differs between one process and three local edge nodes");
        }

        Assert.Equal(Directory.GetFiles(alone).Select(Path.GetFileName).Order(), Directory.GetFiles(output).Select(Path.GetFileName).Order());
    }
}
