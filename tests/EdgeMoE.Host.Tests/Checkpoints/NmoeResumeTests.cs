using EdgeMoE.Host.Tests.Run.Nmoe;

namespace EdgeMoE.Host.Tests.Checkpoints;

[Collection(TorchThreadCount.Name)]
public sealed class NmoeResumeTests
{
    [Fact]
    public void An_nmoe_run_killed_after_a_checkpoint_and_resumed_writes_the_files_of_an_uninterrupted_run()
    {
        using var scenario = new TinyNmoe();
        // Both runs write into the same folder in turn, so even config.conf (which names it) must be equal.
        var output = scenario.Output("out");
        var reference = scenario.Output("reference");
        var uninterrupted = CliRunner.Run("run", scenario.ScenarioFile, "--out", output, "--no-report");
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);
        Directory.Move(output, reference);

        // A checkpoint after every step, so the first comes early and the kill lands well before the end even on a loaded machine.
        var last = KillAndResume.KilledAndResumed(["run", scenario.ScenarioFile, "--no-report"], output, every: 1, kills: 1, resumeExtra: ["--no-report"]);

        KillAndResume.AssertSameFiles(reference, output);
        Assert.Contains("checkpoint: step", last, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_nmoe_checkpoint_is_refused_with_exit_2_naming_the_file_and_offering_the_older_one()
    {
        using var scenario = new TinyNmoe();
        var output = scenario.Output("out");
        var run = CliRunner.Run("run", scenario.ScenarioFile, "--out", output, "--no-report", "--checkpoint-every", "20");
        Assert.True(run.ExitCode == 0, run.Error);
        var newest = Directory.EnumerateDirectories(Path.Combine(output, "checkpoints")).Order(StringComparer.Ordinal).Last();
        var part = Path.Combine(newest, "client-1.safetensors");
        var bytes = File.ReadAllBytes(part);
        File.WriteAllBytes(part, bytes[..(bytes.Length / 2)]);

        var (exit, stdout, error) = CliRunner.Run("run", "--resume", output);

        Assert.Equal(2, exit);
        Assert.Contains(part, error, StringComparison.Ordinal);
        Assert.Contains("the older checkpoint step-", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void An_nmoe_checkpoint_holding_another_scenarios_state_is_refused_with_exit_2_naming_the_file()
    {
        using var scenario = new TinyNmoe();
        var output = scenario.Output("out");
        var run = CliRunner.Run("run", scenario.ScenarioFile, "--out", output, "--no-report", "--checkpoint-every", "20");
        Assert.True(run.ExitCode == 0, run.Error);
        // A checkpoint the store itself wrote, so its manifest and hashes are right, whose state.bin is not an NMoE state.
        var garbage = new EdgeMoE.Host.Checkpoints.StateWriter().Section("jesa").String("emulation").ToArray();
        var newest = new EdgeMoE.Host.Checkpoints.CheckpointStore(output) { Scenario = "nmoe", Every = 20 }.Write(999, [new("state.bin", garbage)]);

        var (exit, _, error) = CliRunner.Run("run", "--resume", newest);

        Assert.Equal(2, exit);
        Assert.Contains("state.bin", error, StringComparison.Ordinal);
        Assert.Contains("corrupt checkpoint", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
