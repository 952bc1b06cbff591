using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Checkpoints;

/// <summary>Bad values of --checkpoint-every and --resume: exit 2, the option named, no stack trace, nothing on stdout.</summary>
public sealed class CheckpointOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("2.5")]
    public void A_bad_interval_is_refused_naming_the_option(string every)
    {
        using var scenario = new TinyScenario();

        AssertRefused("--checkpoint-every", "run", scenario.ScenarioFile, "--out", scenario.Output("out"), "--checkpoint-every", every);
        Assert.False(Directory.Exists(scenario.Output("out")));
    }

    [Fact]
    public void Resume_of_a_folder_without_a_run_is_refused_naming_it()
    {
        using var folder = new ScratchFolder();

        AssertRefused(Path.Combine(folder.Path, "config.conf"), "run", "--resume", folder.Path);
        AssertRefused("--resume: no folder", "run", "--resume", Path.Combine(folder.Path, "nothing"));
    }

    [Fact]
    public void Resume_of_a_run_without_checkpoints_is_refused()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.conf", "edgemoe.run.scenario = stable-moe\n");

        AssertRefused(Path.Combine(folder.Path, "checkpoints") + ": no checkpoint", "run", "--resume", folder.Path);
    }

    [Theory]
    [InlineData("--slots", "5")]
    [InlineData("--seed", "3")]
    [InlineData("--policy", "random")]
    [InlineData("--out", "elsewhere")]
    [InlineData("--checkpoint-every", "3")]
    public void Resume_refuses_options_that_would_change_the_run(string option, string value)
    {
        using var folder = new ScratchFolder();
        folder.Write("config.conf", "edgemoe.run.scenario = stable-moe\n");

        AssertRefused($"{option}: not allowed with --resume", "run", "--resume", folder.Path, option, value);
    }

    [Fact]
    public void Run_without_a_scenario_file_or_resume_is_refused()
    {
        AssertRefused("give a scenario file", "run");
    }

    private static void AssertRefused(string expected, params string[] args) => Assert.Contains(expected, BadValueRun.Refused(args));
}
