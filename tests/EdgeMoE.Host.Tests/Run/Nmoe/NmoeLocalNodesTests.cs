using System.Diagnostics;
using EdgeMoE.Host.Tests.Checkpoints;
using EdgeMoE.Host.Tests.Cluster;

namespace EdgeMoE.Host.Tests.Run.Nmoe;

/// <summary>
/// The networked-MoE clients and their links on local edge-node processes: a run killed and resumed there writes the files
/// of one process (every client's setup, messages and state cross the wire), and a node killed mid-run stops the run.
/// </summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class NmoeLocalNodesTests
{
    [Fact]
    public void A_run_on_two_local_nodes_killed_after_a_checkpoint_and_resumed_on_two_new_ones_writes_the_files_of_one_uninterrupted_process()
    {
        using var scenario = new TinyNmoe();
        var reference = KillAndResume.Uninterrupted(["run", scenario.ScenarioFile, "--no-report"], Directory.CreateDirectory(scenario.Output("reference")).FullName);
        var resumed = Directory.CreateDirectory(scenario.Output("resumed")).FullName;

        // Every step checkpoints, so each capture brings every client's state back from its node over the wire.
        var last = KillAndResume.KilledAndResumed(
            ["run", scenario.ScenarioFile, "--no-report", "--local-nodes", "2"], resumed, every: 1, kills: 1, resumeExtra: ["--no-report", "--local-nodes", "2"]);

        KillAndResume.AssertSameFiles(reference, Path.Combine(resumed, KillAndResume.Output));
        Assert.Contains("with 2 edge node(s)", last, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_process_killed_mid_run_stops_the_run_with_exit_1_naming_the_lost_client()
    {
        // Long enough that the kill and the cluster's removal of the node (about 12 s) come well before the end.
        using var scenario = new TinyNmoe("rounds = 1000");
        using var run = EdgemoeProcess.Start("run", scenario.ScenarioFile, "--out", scenario.Output("out"), "--no-report", "--local-nodes", "2");
        var lines = new StderrLines(run);

        lines.Await(l => l.Contains("FedCe round 5/", StringComparison.Ordinal));
        var nodes = ChildProcesses.Of(run.Id).Where(p => ChildProcesses.CommandLine(p).Contains(" node ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, nodes.Length);
        Process.GetProcessById(nodes[1]).Kill(); // SIGKILL on Linux: no leaving, no goodbye.

        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(3)), "the run did not stop after the node was killed");
        run.WaitForExit();
        var text = lines.All();
        Assert.True(run.ExitCode == 1, text);
        Assert.Contains("the run cannot go on", text, StringComparison.Ordinal);
        Assert.Matches(@"(client|link)-[0-9] stopped \(node 127\.0\.0\.1:[0-9]+ lost", text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FedAvg round 1000/1000", text, StringComparison.Ordinal);
    }
}
