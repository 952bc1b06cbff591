using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>
/// A Stable-MoE network of two cells, killed with SIGKILL after a checkpoint and resumed, ends with the files of the run
/// that never stopped: each cell is restored at the checkpoint's slot barrier, whichever cell had run ahead.
/// </summary>
[Collection(TorchThreadCount.Name)]
public sealed class CellsResumeTests
{
    [Fact]
    public void A_network_of_two_cells_killed_after_a_checkpoint_and_resumed_writes_the_uninterrupted_runs_files()
    {
        using var scenario = new TinyScenario("cells = 2");
        using var folder = new ScratchFolder();

        var (_, closing) = KillAndResume.MatchesUninterrupted(["run", scenario.ScenarioFile, "--slots", "14", "--no-report"], folder.Path, every: 2, ["--no-report"]);

        Assert.Contains("\"cells\": 2", File.ReadAllText(Path.Combine(folder.Path, "resumed", KillAndResume.Output, "summary.json")));
        Assert.Matches(@"checkpoints: \d+ written", closing);
    }
}
