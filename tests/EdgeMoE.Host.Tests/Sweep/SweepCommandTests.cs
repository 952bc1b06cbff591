using System.Text.Json;
using EdgeMoE.Host.Tests.Run;

namespace EdgeMoE.Host.Tests.Sweep;

[Collection(TorchThreadCount.Name)]
public sealed class SweepCommandTests
{
    [Fact]
    public void An_unknown_key_exits_2_naming_it_before_any_run_starts()
    {
        using var scenario = new TinyScenario();
        var output = scenario.Output("sweep");
        var (exit, _, error) = CliRunner.Run("sweep", scenario.ScenarioFile, "--set", "edgemoe.stable-moe.arrivals=1,2", "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains("edgemoe.stable-moe.arrivals", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_value_a_setting_rejects_exits_2_naming_point_and_key_before_any_run_starts()
    {
        using var scenario = new TinyScenario();
        var output = scenario.Output("sweep");
        var (exit, _, error) = CliRunner.Run("sweep", scenario.ScenarioFile, "--set", "edgemoe.stable-moe.arrival-rate=12,fast", "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains("point arrival-rate=fast", error, StringComparison.Ordinal);
        Assert.Contains("edgemoe.stable-moe.arrival-rate", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Missing_data_files_exit_2_naming_the_point_before_any_run_starts()
    {
        using var scenario = new TinyScenario();
        var output = scenario.Output("sweep");
        var (exit, _, error) = CliRunner.Run(
            "sweep", scenario.ScenarioFile, "--set", "edgemoe.run.dataset=synthetic,cifar-10", "--set", $"edgemoe.run.data-dir=\"{scenario.Output("none")}\"", "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains("point dataset=cifar-10_data-dir=", error, StringComparison.Ordinal);
        Assert.Contains("data_batch_1.bin", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_point_that_fails_while_running_exits_1_naming_it_and_the_points_before_keep_their_files()
    {
        using var scenario = new TinyScenario();
        var output = scenario.Output("sweep");
        // Two subcarriers cannot serve four servers: the settings load, the network cannot be built.
        var (exit, _, error) = CliRunner.Run(
            "sweep", scenario.ScenarioFile, "--set", "edgemoe.wireless.subcarriers=8,2", "--set", "edgemoe.run.slots=2", "--parallel", "1", "--out", output);
        Assert.Equal(1, exit);
        Assert.Contains("point subcarriers=2_slots=2 failed", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "runs", "subcarriers=8_slots=2", "summary.json")));
        Assert.False(File.Exists(Path.Combine(output, "sweep.csv")));
    }

    [Fact]
    public void Points_side_by_side_write_the_same_bytes_as_one_after_another_and_sweep_csv_holds_every_point_and_policy()
    {
        using var scenario = new TinyScenario();
        var output = scenario.Output("sweep");
        string[] args = ["sweep", scenario.ScenarioFile, "--set", "edgemoe.stable-moe.arrival-rate=24", "--seeds", "2", "--out", output];

        var (exit, table, error) = CliRunner.Run([.. args, "--parallel", "1"]);
        Assert.True(exit == 0, error);
        var sequential = scenario.Output("sequential");
        Directory.Move(output, sequential);
        (exit, _, error) = CliRunner.Run([.. args, "--parallel", "2"]);
        Assert.True(exit == 0, error);

        // Same --out both times, so even config.conf (which records the output folder) must match byte for byte.
        var files = Directory.GetFiles(sequential, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(sequential, f)).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order());
        // sweep.csv, three files per point and report.html (one λ, no V: no ratio chart to draw).
        Assert.Equal(1 + (2 * 3) + 1, files.Count);
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(sequential, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, file))), $"{file} differs");
        }

        string[] points = ["arrival-rate=24_seed=1", "arrival-rate=24_seed=2"];
        string[] policies = ["stable-moe", "random", "top-k", "queue-aware", "energy-aware"];
        var lines = File.ReadAllText(Path.Combine(output, "sweep.csv")).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal(["point", "arrival-rate", "seed", "policy", "cumulative_throughput"], header[..5]);
        Assert.Equal("stable_moe_throughput_ratio", header[^1]);
        Assert.Contains("test_accuracy", header);
        Assert.Equal(points.SelectMany(p => policies.Select(q => (p, q))), lines.Skip(1).Select(l => l.Split(',')).Select(c => (c[0], c[3])));
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "runs", row[0], "summary.json")));
            Assert.Equal(row[0].Split('_')[0]["arrival-rate=".Length..], row[1]);
            Assert.Equal(row[0][^1..], row[2]);
            Assert.Equal(summary.RootElement.GetProperty("seed").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), row[2]);
            var figures = summary.RootElement.GetProperty("policies").GetProperty(row[3]);
            var stable = summary.RootElement.GetProperty("policies").GetProperty("stable-moe").GetProperty("cumulative_throughput").GetDouble();
            var own = figures.GetProperty("cumulative_throughput").GetDouble();
            Assert.Equal(figures.GetProperty("cumulative_throughput").GetRawText(), row[4]);
            Assert.Equal(figures.GetProperty("test_accuracy").GetRawText(), row[Array.IndexOf(header, "test_accuracy")]);
            Assert.Equal(stable / own, double.Parse(row[^1], System.Globalization.CultureInfo.InvariantCulture), 12);
        }

        Assert.Contains("arrival-rate=24_seed=2", table, StringComparison.Ordinal);
        Assert.Contains("stable-moe / policy", table, StringComparison.Ordinal);
    }
}
