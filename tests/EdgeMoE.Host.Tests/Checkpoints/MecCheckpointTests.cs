using EdgeMoE.Host.Tests.Mec;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>The MEC sweep killed after a checkpoint and resumed ends with the files of a run that never stopped.</summary>
public sealed class MecCheckpointTests
{
    // Four runs (every method at M = 4) long enough that a kill lands between the first checkpoint and the end.
    private const string Longer = "experts = [4]\nseeds = 1\ntasks = 3000";

    [Fact]
    public void A_sweep_killed_after_a_checkpoint_and_resumed_writes_the_files_of_an_uninterrupted_run()
    {
        using var mec = new TinyMec(Longer);
        string[] run = ["run", mec.ScenarioFile, "--no-report"];
        KillAndResume.Uninterrupted(run, mec.Output("reference"));
        KillAndResume.KilledAndResumed(run, mec.Output("resumed"), every: 100, kills: 1, ["--no-report"]);
        KillAndResume.AssertSameFiles(mec.Output("reference"), mec.Output("resumed"));
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_with_exit_2_naming_its_file()
    {
        using var mec = new TinyMec();
        var output = mec.Output("run");
        Assert.Equal(0, CliRunner.Run("run", mec.ScenarioFile, "--out", output, "--no-report", "--checkpoint-every", "20").ExitCode);
        var newest = Directory.GetDirectories(Path.Combine(output, "checkpoints")).Order(StringComparer.Ordinal).Last();
        var state = Path.Combine(newest, "state.bin");
        var bytes = File.ReadAllBytes(state);
        File.WriteAllBytes(state, bytes[..(bytes.Length / 2)]);

        var (exit, stdout, error) = CliRunner.Run("run", "--resume", output, "--no-report");
        Assert.Equal(2, exit);
        Assert.Contains(state, error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", stdout);
    }
}
