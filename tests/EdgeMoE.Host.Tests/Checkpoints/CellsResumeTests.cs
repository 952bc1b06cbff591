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
        string[] run = ["run", scenario.ScenarioFile, "--slots", "14", "--no-report"];
        var reference = KillAndResume.Uninterrupted(run, Directory.CreateDirectory(Path.Combine(folder.Path, "reference")).FullName);
        var work = Directory.CreateDirectory(Path.Combine(folder.Path, "resumed")).FullName;

        var closing = KillAndResume.KilledAndResumed(run, work, every: 2, kills: 1, ["--no-report"]);

        Assert.Contains("resuming out from out/checkpoints/step-", closing);
        KillAndResume.AssertSameFiles(reference, Path.Combine(work, KillAndResume.Output));
    }
}
