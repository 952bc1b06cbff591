using System.Diagnostics;
using EdgeMoE.Host.Tests.Cluster;
using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>A tiny Stable-MoE run (every policy) and its uninterrupted output, shared by the resume tests.</summary>
public sealed class ResumableScenario : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public ResumableScenario()
    {
        Scenario = new TinyScenario("test-eval-interval = 5");
        Run = ["run", Scenario.ScenarioFile, "--slots", "20", "--no-report"];
        Reference = KillAndResume.Uninterrupted(Run, Folder("reference"));
    }

    internal TinyScenario Scenario { get; }

    /// <summary>The run's arguments, without --out.</summary>
    internal string[] Run { get; }

    /// <summary>The uninterrupted run's output folder.</summary>
    internal string Reference { get; }

    /// <summary>A fresh working folder.</summary>
    internal string Folder(string name) => Directory.CreateDirectory(Path.Combine(_folder.Path, name)).FullName;

    public void Dispose()
    {
        Scenario.Dispose();
        _folder.Dispose();
    }
}

/// <summary>
/// Stable-MoE killed with SIGKILL mid-run and resumed ends with the files of a run that never stopped: in one process,
/// killed once or twice, and on a <c>--local-nodes 3</c> cluster whose edge-node processes go with their coordinator.
/// </summary>
[Collection(LocalClusterProcesses.Name)]
public sealed class StableMoeResumeTests(ResumableScenario scenario) : IClassFixture<ResumableScenario>
{
    [Fact]
    public void A_run_killed_after_a_checkpoint_and_resumed_writes_the_uninterrupted_runs_files()
    {
        var work = scenario.Folder("once");

        var closing = KillAndResume.KilledAndResumed(scenario.Run, work, every: 4, kills: 1, ["--no-report"]);

        KillAndResume.AssertSameFiles(scenario.Reference, Path.Combine(work, KillAndResume.Output));
        Assert.Contains("resuming out from out/checkpoints/step-", closing);
        Assert.Matches(@"checkpoints: \d+ written in [\d.]+ s \([\d.]+ % of \d+ s\)", closing);
    }

    [Fact]
    public void A_resumed_run_killed_again_and_resumed_again_writes_the_uninterrupted_runs_files()
    {
        var work = scenario.Folder("twice");

        KillAndResume.KilledAndResumed(scenario.Run, work, every: 3, kills: 2, ["--no-report", "--threads", "1"]);

        KillAndResume.AssertSameFiles(scenario.Reference, Path.Combine(work, KillAndResume.Output));
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(work, KillAndResume.Output, "checkpoints")).Length);
    }

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
