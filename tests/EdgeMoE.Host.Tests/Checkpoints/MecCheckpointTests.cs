using EdgeMoE.Host.Tests.Mec;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>The MEC sweep killed after a checkpoint and resumed ends with the files of a run that never stopped.</summary>
public sealed class MecCheckpointTests
{
    // Four runs (every method at M = 4), long enough after the first checkpoint (step 250 of 4000) for the kill to land.
    private const string Longer = "experts = [4]\nseeds = 1\ntasks = 4000";

    [Fact]
    public void A_sweep_killed_after_a_checkpoint_and_resumed_writes_the_files_of_an_uninterrupted_run()
    {
        using var mec = new TinyMec(Longer);
        string[] run = ["run", mec.ScenarioFile, "--no-report"];
        var reference = KillAndResume.Uninterrupted(run, Directory.CreateDirectory(mec.Output("reference")).FullName);
        var work = Directory.CreateDirectory(mec.Output("resumed")).FullName;
        KillAndResume.KilledAndResumed(run, work, every: 250, kills: 1, ["--no-report"]);
        KillAndResume.AssertSameFiles(reference, Path.Combine(work, KillAndResume.Output));
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_with_exit_2_naming_its_file()
    {
        using var mec = new TinyMec();
        var output = mec.Output("run");
        Assert.Equal(0, CliRunner.Run("run", mec.ScenarioFile, "--out", output, "--no-report", "--checkpoint-every", "20").ExitCode);
        var newest = KillAndResume.NewestCheckpoint(output);
        var state = Path.Combine(newest, "state.bin");
        var bytes = File.ReadAllBytes(state);
        File.WriteAllBytes(state, bytes[..(bytes.Length / 2)]);

        Assert.Contains(state, BadValueRun.Refused("run", "--resume", output, "--no-report"));
    }
}
