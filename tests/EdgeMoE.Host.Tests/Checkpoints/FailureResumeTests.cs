using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>
/// A Stable-MoE run with scheduled failures, killed with SIGKILL inside its failure windows and resumed, ends with the
/// files of the run that never stopped: a server crashed at the checkpoint is not restored but recovers afresh on
/// schedule, a partitioned one keeps its state, and a slow link and a later crash follow the schedule.
/// </summary>
[Collection(TorchThreadCount.Name)]
public sealed class FailureResumeTests
{
    // Every 2 slots the first checkpoint follows slot 1, where server 1 is down (crashed) and node 2's server 2 cut off.
    private const string Failures = """
        nodes = 3
        failures = [
          { kind = crash-server, server = 1, at-slot = 1, recover-at-slot = 4 }
          { kind = partition, node = 2, from-slot = 1, to-slot = 6 }
          { kind = crash-node, node = 0, at-slot = 3, recover-at-slot = 7 }
          { kind = slow-link, server = 1, from-slot = 4, to-slot = 9, rate-factor = 0.25 }
          { kind = crash-server, server = 2, at-slot = 10 }
        ]
        """;

    [Fact]
    public void A_run_with_failures_killed_in_a_failure_window_and_resumed_writes_the_uninterrupted_runs_files()
    {
        using var scenario = new TinyScenario(Failures);
        using var folder = new ScratchFolder();

        var (reference, _) = KillAndResume.MatchesUninterrupted(["run", scenario.ScenarioFile, "--slots", "14", "--no-report"], folder.Path, every: 2, ["--no-report"]);

        Assert.True(File.Exists(Path.Combine(reference, "events.csv")), "the failures left no events.csv");
    }
}
