using EdgeMoE.Host.Tests.Run.ChannelAware;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>The channel-aware scenario killed after a checkpoint and resumed ends with the files of a run that never stopped.</summary>
public sealed class ChannelAwareCheckpointTests
{
    [Fact]
    public void A_run_killed_after_a_checkpoint_and_resumed_writes_the_files_of_an_uninterrupted_run()
    {
        // 2 stage-1, 1 refinement, 2 x (1 stage-2 + 2 points) units per K, a checkpoint after each: the kill lands
        // wherever the run is (stage 1, stage 2 or the sweep); the first checkpoint comes early, after one epoch.
        using var tiny = new TinyChannelAware("stage1-epochs = 2\nstage1-patience = 5\nnaive-gate = equal-training");
        string[] run = ["run", tiny.ScenarioFile, "--no-report"];
        var reference = KillAndResume.Uninterrupted(run, Directory.CreateDirectory(tiny.Output("reference")).FullName);
        var work = Directory.CreateDirectory(tiny.Output("resumed")).FullName;
        KillAndResume.KilledAndResumed(run, work, every: 1, kills: 1, ["--no-report"]);
        KillAndResume.AssertSameFiles(reference, Path.Combine(work, KillAndResume.Output));
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_with_exit_2_naming_its_file()
    {
        using var tiny = new TinyChannelAware("experts = [2]");
        var output = tiny.Output("run");
        Assert.Equal(0, CliRunner.Run("run", tiny.ScenarioFile, "--out", output, "--no-report", "--checkpoint-every", "3").ExitCode);
        var newest = KillAndResume.NewestCheckpoint(output);
        var model = Path.Combine(newest, "model.safetensors");
        var bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length - 100)]);

        Assert.Contains(model, BadValueRun.Refused("run", "--resume", output, "--no-report"));
    }
}
