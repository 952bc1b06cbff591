using EdgeMoE.Host.Tests.Jesa;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>JESA killed with SIGKILL after a round checkpoint and resumed in one process; checkpoints that are not its own are refused.</summary>
[Collection(TorchThreadCount.Name)]
public sealed class JesaResumeTests
{
    // 8 rounds of one query per node (8 nodes): a checkpoint after each round leaves most of the run to kill.
    internal const string Rounds = "images = 64";

    [Fact]
    public void A_jesa_run_killed_after_a_round_checkpoint_and_resumed_writes_the_files_of_an_uninterrupted_run()
    {
        using var scratch = new ScratchFolder();
        var config = scratch.Write("jesa.conf", TinyJesa.Scenario(TinyJesa.Weights(scratch), Rounds));
        string[] run = ["run", config, "--no-report"];
        var reference = KillAndResume.Uninterrupted(run, Directory.CreateDirectory(Path.Combine(scratch.Path, "reference")).FullName);
        var resumed = Directory.CreateDirectory(Path.Combine(scratch.Path, "resumed")).FullName;

        KillAndResume.KilledAndResumed(run, resumed, every: 1, kills: 1, resumeExtra: ["--no-report"]);

        KillAndResume.AssertSameFiles(reference, Path.Combine(resumed, KillAndResume.Output));
    }

    [Fact]
    public void Altered_and_foreign_jesa_checkpoints_are_refused_with_exit_2_naming_the_file()
    {
        using var scratch = new ScratchFolder();
        var config = scratch.Write("jesa.conf", TinyJesa.Scenario(TinyJesa.Weights(scratch), "images = 32"));
        var output = Path.Combine(scratch.Path, "out");
        var run = CliRunner.Run("run", config, "--out", output, "--no-report", "--checkpoint-every", "1");
        Assert.True(run.ExitCode == 0, run.Error);
        var newest = KillAndResume.NewestCheckpoint(output);
        var state = Path.Combine(newest, "state.bin");
        var bytes = File.ReadAllBytes(state);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(state, bytes);

        AssertRefused(state, "the older checkpoint step-", "run", "--resume", output);

        // A checkpoint the store itself wrote (manifest and hashes right) whose state.bin is not a JESA state.
        var garbage = new EdgeMoE.Host.Checkpoints.StateWriter().Section("nmoe").Int(0).ToArray();
        var foreign = new EdgeMoE.Host.Checkpoints.CheckpointStore(output) { Scenario = "jesa", Every = 1 }.Write(2, [new("state.bin", garbage)]);
        AssertRefused(Path.Combine(foreign, "state.bin"), "corrupt checkpoint", "run", "--resume", foreign);
    }

    private static void AssertRefused(string file, string what, params string[] args)
    {
        var error = BadValueRun.Refused(args);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains(what, error, StringComparison.Ordinal);
    }
}
