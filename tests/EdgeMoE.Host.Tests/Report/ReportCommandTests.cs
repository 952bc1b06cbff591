using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Report;

[Collection(TorchThreadCount.Name)]
public sealed class ReportCommandTests
{
    [Fact]
    public void Run_ends_with_the_report_and_no_report_skips_it()
    {
        using var scenario = new TinyScenario();
        var reported = scenario.Output("reported");
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--slots", "3", "--policy", "stable-moe", "--out", reported);
        Assert.True(exit == 0, error);
        Assert.Contains($"wrote {Path.Combine(reported, "report.html")}", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(reported, "charts", "stable-moe-cumulative-throughput.png")));

        var quiet = scenario.Output("quiet");
        (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--slots", "3", "--policy", "stable-moe", "--out", quiet, "--no-report");
        Assert.True(exit == 0, error);
        Assert.False(File.Exists(Path.Combine(quiet, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(quiet, "charts")));

        // The report reads the files alone: made afterwards, it is the same page.
        (exit, _, error) = CliRunner.Run("report", quiet);
        Assert.True(exit == 0, error);
        Assert.Equal(
            File.ReadAllText(Path.Combine(reported, "report.html")).Replace("reported", "quiet", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(quiet, "report.html")));
    }

    [Fact]
    public void A_folder_with_a_malformed_file_gives_one_line_naming_it_and_exit_code_2()
    {
        using var folder = new ScratchFolder();
        folder.Write("config.conf", "edgemoe.run.scenario = stable-moe\n");
        var summary = folder.Write("summary.json", "{ \"policies\": { ");

        var (exit, output, error) = CliRunner.Run("report", folder.Path);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith($"{summary}: not valid JSON", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_missing_folder_gives_exit_code_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "edgemoe-no-such-run-" + Guid.NewGuid().ToString("N"));

        var (exit, _, error) = CliRunner.Run("report", missing);

        Assert.Equal(2, exit);
        Assert.Equal($"{missing}: no such run folder", error.TrimEnd());
    }
}
