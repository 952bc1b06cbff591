using System.Diagnostics;
using EdgeMoE.Host.Tests.Cluster;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>
/// Stable-MoE on a <c>--local-nodes 3</c> cluster whose coordinator is killed with SIGKILL: its edge-node processes go with
/// it, and the run resumed on a new cluster ends with the files of a one-process run that never stopped.
/// </summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class StableMoeLocalNodesResumeTests(ResumableScenario scenario) : IClassFixture<ResumableScenario>
{
    [Fact]
    public void A_cluster_run_whose_coordinator_is_killed_resumes_on_a_new_cluster_to_the_same_files()
    {
        var work = scenario.Folder("cluster");
        var nodes = new List<int>();

        KillAndResume.KilledAndResumed(
            [.. scenario.Run, "--local-nodes", "3"], work, every: 6, kills: 1, ["--local-nodes", "3", "--no-report"],
            coordinator => nodes.AddRange(ChildProcesses.Of(coordinator.Id).Where(p => ChildProcesses.CommandLine(p).Contains(" node ", StringComparison.Ordinal))));

        Assert.Equal(3, nodes.Count);
        var clock = Stopwatch.StartNew();
        while (nodes.Exists(ChildProcesses.IsRunning) && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(50);
        }

        Assert.False(nodes.Exists(ChildProcesses.IsRunning), "edge-node processes outlived their SIGKILLed coordinator");
        KillAndResume.AssertSameFiles(scenario.Reference, Path.Combine(work, KillAndResume.Output));
    }
}
