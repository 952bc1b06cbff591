using EdgeMoE.Host.Tests.Cluster;
using EdgeMoE.Host.Tests.Jesa;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>JESA on two local edge-node processes, killed after a checkpoint and resumed on two new ones: the files of one process.</summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class JesaLocalNodesResumeTests
{
    [Fact]
    public void A_jesa_run_on_two_local_nodes_killed_and_resumed_on_two_local_nodes_writes_the_files_of_one_process()
    {
        using var scratch = new ScratchFolder();
        var config = scratch.Write("jesa.conf", TinyJesa.Scenario(TinyJesa.Weights(scratch), JesaResumeTests.Rounds));
        var reference = KillAndResume.Uninterrupted(["run", config, "--no-report"], Directory.CreateDirectory(Path.Combine(scratch.Path, "reference")).FullName);
        var resumed = Directory.CreateDirectory(Path.Combine(scratch.Path, "resumed")).FullName;

        var last = KillAndResume.KilledAndResumed(
            ["run", config, "--no-report", "--local-nodes", "2"], resumed, every: 2, kills: 1, resumeExtra: ["--no-report", "--local-nodes", "2"]);

        KillAndResume.AssertSameFiles(reference, Path.Combine(resumed, KillAndResume.Output));
        Assert.Contains("with 2 edge node(s)", last, StringComparison.Ordinal);
    }
}
