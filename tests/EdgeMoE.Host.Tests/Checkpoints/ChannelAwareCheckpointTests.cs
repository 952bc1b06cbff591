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
        AssertResumedRunWritesTheSameFiles("stage1-epochs = 2\nstage1-patience = 5\nnaive-gate = equal-training", every: 1);
    }

    [Fact]
    public void A_run_resumed_after_its_best_stage_1_epoch_keeps_that_epochs_weights_from_the_checkpoint()
    {
        // K = 3, six stage-1 epochs whose held-out accuracy peaks at epoch 4 (10, 10, 22, 27, 27, 24 %; the tie at epoch 5
        // keeps the earlier); the first checkpoint, after epoch 4, holds the copy of that epoch's weights, and only the copy
        // can give them back after the resumed run trains epochs 5 and 6.
        AssertResumedRunWritesTheSameFiles(
            "experts = [3]\nmodes = [analog]\nstage1-epochs = 6\nstage1-patience = 10\nstage1-learning-rate = 1e-2\nsweep-images = held-out",
            every: 4,
            "resuming after 4 epochs and points",
            "K=3 stage 1 keeps epoch 4's weights");
    }

    [Fact]
    public void A_run_resumed_after_stage_1_lowered_its_learning_rate_trains_on_at_the_lowered_rate()
    {
        // K = 3 and a minimum gain of 100 points: every stage-1 epoch after the first stalls, so with patience 1 the rate
        // drops after epochs 2, 3 and 4 and stage 1 stops after epoch 5. The first checkpoint comes after epoch 3 (two
        // drops); the resumed run must train epoch 4 at the twice-lowered rate and make the third drop.
        AssertResumedRunWritesTheSameFiles(
            "experts = [3]\nmodes = [analog]\nstage1-epochs = 8\nstage1-min-gain = 100\nstage1-patience = 1\nstage1-learning-rate-drops = 3\nstage1-learning-rate = 1e-2\nsweep-images = held-out",
            every: 3,
            "resuming after 3 epochs and points",
            "K=3 stage 1 learning rate now 1E-05 (3 of 3 drops)");
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

    // The tiny scenario with extra lines run uninterrupted and, in another folder, killed after its first checkpoint (every
    // that many units) and resumed: both write the same files, and the resume's stderr says each of closingSays.
    private static void AssertResumedRunWritesTheSameFiles(string extra, int every, params string[] closingSays)
    {
        using var tiny = new TinyChannelAware(extra);
        string[] run = ["run", tiny.ScenarioFile, "--no-report"];
        var reference = KillAndResume.Uninterrupted(run, Directory.CreateDirectory(tiny.Output("reference")).FullName);
        var work = Directory.CreateDirectory(tiny.Output("resumed")).FullName;
        var closing = KillAndResume.KilledAndResumed(run, work, every, kills: 1, ["--no-report"]);
        foreach (var text in closingSays)
        {
            Assert.Contains(text, closing);
        }

        KillAndResume.AssertSameFiles(reference, Path.Combine(work, KillAndResume.Output));
    }
}
