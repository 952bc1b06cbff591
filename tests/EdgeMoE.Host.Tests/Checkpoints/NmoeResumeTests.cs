using EdgeMoE.Host.Tests.Run.Nmoe;

namespace EdgeMoE.Host.Tests.Checkpoints;

[Collection(TorchThreadCount.Name)]
public sealed class NmoeResumeTests
{
    [Fact]
    public void An_nmoe_run_killed_after_a_checkpoint_and_resumed_writes_the_files_of_an_uninterrupted_run()
    {
        using var scenario = new TinyNmoe();
        string[] run = ["run", scenario.ScenarioFile, "--no-report"];
        var reference = KillAndResume.Uninterrupted(run, Directory.CreateDirectory(scenario.Output("reference")).FullName);
        var resumed = Directory.CreateDirectory(scenario.Output("resumed")).FullName;

        // A checkpoint after every step, so the first comes early and the kill lands well before the end even on a loaded machine.
        var last = KillAndResume.KilledAndResumed(run, resumed, every: 1, kills: 1, resumeExtra: ["--no-report"]);

        KillAndResume.AssertSameFiles(reference, Path.Combine(resumed, KillAndResume.Output));
        Assert.Contains("checkpoint: step", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_and_foreign_nmoe_checkpoints_are_refused_with_exit_2_naming_the_file()
    {
        using var scenario = new TinyNmoe();
        var output = scenario.Output("out");
        var run = CliRunner.Run("run", scenario.ScenarioFile, "--out", output, "--no-report", "--checkpoint-every", "20");
        Assert.True(run.ExitCode == 0, run.Error);
        var newest = KillAndResume.NewestCheckpoint(output);
        var part = Path.Combine(newest, "client-1.safetensors");
        var bytes = File.ReadAllBytes(part);
        File.WriteAllBytes(part, bytes[..(bytes.Length / 2)]);

        AssertRefused(part, "the older checkpoint step-", "run", "--resume", output);

        // A checkpoint the store itself wrote (manifest and hashes right) whose state.bin is not an NMoE state.
        var garbage = new EdgeMoE.Host.Checkpoints.StateWriter().Section("jesa").String("emulation").ToArray();
        var foreign = new EdgeMoE.Host.Checkpoints.CheckpointStore(output) { Scenario = "nmoe", Every = 20 }.Write(999, [new("state.bin", garbage)]);
        AssertRefused(Path.Combine(foreign, "state.bin"), "corrupt checkpoint", "run", "--resume", foreign);
    }

    private static void AssertRefused(string file, string what, params string[] args)
    {
        var error = BadValueRun.Refused(args);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains(what, error, StringComparison.Ordinal);
    }
}
