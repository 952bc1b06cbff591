using System.Text.Json;

namespace EdgeMoE.Host.Tests.Run;

[Collection(TorchThreadCount.Name)]
public sealed class RunCommandTests
{
    private static readonly string[] Policies = ["stable-moe", "random", "top-k", "queue-aware", "energy-aware"];

    [Fact]
    public void The_same_seed_twice_gives_identical_metrics_and_summary()
    {
        using var scenario = new TinyScenario();
        var first = Run(scenario, "a", "--threads", "2");
        var second = Run(scenario, "b", "--threads", "2");
        Assert.Equal(first.Metrics, second.Metrics);
        Assert.Equal(first.Summary, second.Summary);
    }

    [Fact]
    public void Dispatcher_threads_1_2_and_8_and_the_default_policy_concurrency_give_byte_identical_files()
    {
        // The slot barriers make delivery order irrelevant: only the seed and the configuration shape the bytes.
        using var scenario = new TinyScenario();
        var reference = RunBytes(scenario, "t1", "--threads", "1", "--concurrent-policies", "1");
        string[][] variants =
        [
            ["--threads", "2", "--concurrent-policies", "1"],
            ["--threads", "8", "--concurrent-policies", "1"],
            ["--threads", "8"],
        ];
        for (var v = 0; v < variants.Length; v++)
        {
            var bytes = RunBytes(scenario, $"variant-{v}", variants[v]);
            Assert.True(reference.Metrics.AsSpan().SequenceEqual(bytes.Metrics), $"metrics.csv differs with {string.Join(' ', variants[v])}");
            Assert.True(reference.Summary.AsSpan().SequenceEqual(bytes.Summary), $"summary.json differs with {string.Join(' ', variants[v])}");
        }
    }

    [Fact]
    public void Policies_run_one_at_a_time_or_side_by_side_write_identical_files()
    {
        using var scenario = new TinyScenario();
        var serial = Run(scenario, "serial", "--concurrent-policies", "1", "--threads", "1");
        var parallel = Run(scenario, "parallel", "--concurrent-policies", "3", "--threads", "2");
        Assert.Equal(serial.Metrics, parallel.Metrics);
        Assert.Equal(serial.Summary, parallel.Summary);
    }

    [Fact]
    public void Another_seed_gives_other_metrics()
    {
        using var scenario = new TinyScenario();
        Assert.NotEqual(Run(scenario, "s1", "--seed", "1").Metrics, Run(scenario, "s2", "--seed", "2").Metrics);
    }

    [Fact]
    public void Metrics_hold_a_row_per_policy_slot_and_expert_and_the_summary_every_policy()
    {
        using var scenario = new TinyScenario();
        var (metrics, summary) = Run(scenario, "out");
        var lines = metrics.TrimEnd('\n').Split('\n');
        Assert.StartsWith("policy,slot,expert,available,arrivals,routed,completed,token_queue,energy_queue_j,energy_j,", lines[0]);
        Assert.Equal(1 + (Policies.Length * 6 * 4), lines.Length);

        using var json = JsonDocument.Parse(summary);
        Assert.Equal("synthetic", json.RootElement.GetProperty("dataset").GetString());
        var policies = json.RootElement.GetProperty("policies");
        Assert.Equal(Policies, policies.EnumerateObject().Select(p => p.Name));
        foreach (var policy in policies.EnumerateObject())
        {
            var p = policy.Value;
            foreach (var key in new[] { "cumulative_throughput", "cumulative_arrivals", "processed_share", "test_accuracy", "mean_token_queue", "mean_energy_queue", "token_queue_growth_last_half", "energy_queue_growth_last_half", "mean_energy_j" })
            {
                Assert.True(p.TryGetProperty(key, out _), $"{policy.Name} lacks {key}");
            }

            var throughput = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[0] == policy.Name && c[2] == "0").Sum(c => long.Parse(c[13]));
            Assert.Equal(throughput, p.GetProperty("cumulative_throughput").GetInt64());
            var arrivals = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[0] == policy.Name && c[2] == "0").Sum(c => long.Parse(c[4]));
            Assert.Equal(arrivals, p.GetProperty("cumulative_arrivals").GetInt64());
            Assert.Equal(throughput / (double)arrivals, p.GetProperty("processed_share").GetDouble(), 12);
        }

        var load = json.RootElement.GetProperty("load");
        Assert.Equal(4, load.GetProperty("budgeted_capacity_by_server").GetArrayLength());
        Assert.Equal(
            load.GetProperty("demand_per_slot").GetDouble() / load.GetProperty("budgeted_capacity_per_slot").GetInt64(),
            load.GetProperty("utilisation").GetDouble(),
            12);

        // Accuracy is measured after slots 3 and 6 only (interval 3).
        var evaluated = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[0] == "stable-moe" && c[2] == "0" && c[17].Length > 0).Select(c => c[1]);
        Assert.Equal(["2", "5"], evaluated);
    }

    [Fact]
    public void Every_token_routed_in_a_slot_goes_to_K_experts()
    {
        using var scenario = new TinyScenario();
        var (metrics, _) = Run(scenario, "out");
        foreach (var slot in Rows(metrics).GroupBy(c => (c[0], c[1])))
        {
            var arrivals = long.Parse(slot.First()[4]);
            Assert.Equal(2 * arrivals, slot.Sum(c => long.Parse(c[5])));
        }
    }

    [Fact]
    public void An_expert_in_outage_is_never_routed_to_by_any_policy()
    {
        using var scenario = new TinyScenario("outages = [\"1:2-5\"]");
        var (metrics, _) = Run(scenario, "out");
        var outage = Rows(metrics).Where(c => c[2] == "1" && long.Parse(c[1]) is >= 2 and < 5).ToList();
        Assert.Equal(Policies.Length * 3, outage.Count);
        Assert.All(outage, c => Assert.Equal(("0", "0", "0"), (c[3], c[5], c[10])));
        Assert.Contains(Rows(metrics), c => c[2] == "1" && c[1] == "1" && long.Parse(c[5]) > 0);
    }

    [Fact]
    public void Config_conf_records_the_command_line_overrides_and_repeats_the_run()
    {
        using var scenario = new TinyScenario();
        var first = Run(scenario, "first", "--seed", "7", "--slots", "4", "--policy", "top-k");
        var config = File.ReadAllText(Path.Combine(scenario.Output("first"), "config.conf"));
        Assert.Contains("seed = 7", config);
        Assert.Contains("slots = 4", config);

        // Replaying the saved configuration (beside a reference.conf) gives the same files.
        var replayFolder = scenario.Output("replay-config");
        Directory.CreateDirectory(replayFolder);
        File.Copy(RepositoryFiles.Hocon("reference.conf"), Path.Combine(replayFolder, "reference.conf"));
        var replayFile = Path.Combine(replayFolder, "config.conf");
        File.WriteAllText(replayFile, config);
        var (exit, _, error) = CliRunner.Run("run", replayFile, "--out", scenario.Output("replay"));
        Assert.True(exit == 0, error);
        Assert.Equal(first.Metrics, File.ReadAllText(Path.Combine(scenario.Output("replay"), "metrics.csv")));
    }

    [Fact]
    public void Fashion_mnist_never_falls_back_when_asked_for()
    {
        using var scenario = new TinyScenario();
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--dataset", "fashion-mnist", "--data-dir", scenario.Output("missing"), "--out", scenario.Output("out"));
        Assert.Equal(2, exit);
        Assert.Contains("dataset-fashion-mnist", error);
    }

    [Fact]
    public void Auto_falls_back_to_the_synthetic_set_with_a_banner()
    {
        using var scenario = new TinyScenario();
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--dataset", "auto", "--data-dir", scenario.Output("missing"), "--slots", "1", "--policy", "random", "--out", scenario.Output("out"));
        Assert.True(exit == 0, error);
        Assert.Contains("SYNTHETIC", error);
        Assert.Contains("apt-get install dataset-fashion-mnist", error);
        Assert.Contains("\"dataset\": \"synthetic\"", File.ReadAllText(Path.Combine(scenario.Output("out"), "summary.json")));
    }

    [Theory]
    [InlineData("--policy", "fastest", "edgemoe.run.policy")]
    [InlineData("--slots", "0", "edgemoe.run.slots")]
    [InlineData("--concurrent-policies", "-1", "edgemoe.run.concurrent-policies")]
    public void Bad_options_exit_2_naming_the_setting(string option, string value, string key)
    {
        using var scenario = new TinyScenario();
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, option, value, "--out", scenario.Output("out"));
        Assert.Equal(2, exit);
        Assert.Contains(key, error);
    }

    [Fact]
    public void The_removed_time_mode_key_is_refused_naming_its_line_and_what_replaces_it()
    {
        using var scenario = new TinyScenario();
        var realTime = scenario.Output("real.conf");
        File.WriteAllText(realTime, "include \"tiny.conf\"\nedgemoe.actors.time-mode = real\n");
        var (exit, _, error) = CliRunner.Run("run", realTime, "--out", scenario.Output("real"));
        Assert.Equal(2, exit);
        Assert.Equal($"edgemoe.actors.time-mode was removed: runs are deterministic by their slot protocol; set Akka's dispatcher in the akka section (akka.actor.emulation-dispatcher) ({realTime}:2)", error.Trim());
        Assert.False(Directory.Exists(scenario.Output("real")));
    }

    [Fact]
    public void A_malformed_outage_exits_2_naming_the_key()
    {
        using var scenario = new TinyScenario("outages = [\"9:1-2\"]");
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--out", scenario.Output("out"));
        Assert.Equal(2, exit);
        Assert.Contains("edgemoe.stable-moe.outages", error);
    }

    [Fact]
    public void A_bad_baseline_frequency_exits_2_naming_the_key()
    {
        using var scenario = new TinyScenario("baseline-frequency = fastest");
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--out", scenario.Output("out"));
        Assert.Equal(2, exit);
        Assert.Contains("edgemoe.stable-moe.baseline-frequency must be one of budgeted, p1, max-feasible, fixed-max", error);
        Assert.False(File.Exists(Path.Combine(scenario.Output("out"), "metrics.csv")));
    }

    [Fact]
    public void The_baseline_frequency_is_named_in_the_banner_and_summary_and_its_energy_queues_follow_eq_4()
    {
        using var scenario = new TinyScenario("baseline-frequency = max-feasible\npolicies = [stable-moe, random]");
        var folder = scenario.Output("out");
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--out", folder);
        Assert.True(exit == 0, error);
        Assert.Contains("baseline frequencies max-feasible", error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal("max-feasible", json.RootElement.GetProperty("baseline_frequency").GetString());

        // Running above min(E_max, E_avg) fills the baseline's energy queues (eq. 4), which budgeted never does.
        var header = File.ReadLines(Path.Combine(folder, "metrics.csv")).First().Split(',');
        var z = Array.IndexOf(header, "energy_queue_j");
        var random = Rows(File.ReadAllText(Path.Combine(folder, "metrics.csv"))).Where(r => r[0] == "random").ToList();
        Assert.Contains(random, r => double.Parse(r[z], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    private static IEnumerable<string[]> Rows(string metrics) => metrics.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(','));

    private static (byte[] Metrics, byte[] Summary) RunBytes(TinyScenario scenario, string output, params string[] options)
    {
        Run(scenario, output, options);
        var folder = scenario.Output(output);
        return (File.ReadAllBytes(Path.Combine(folder, "metrics.csv")), File.ReadAllBytes(Path.Combine(folder, "summary.json")));
    }

    private static (string Metrics, string Summary) Run(TinyScenario scenario, string output, params string[] options)
    {
        var folder = scenario.Output(output);
        // These tests are about the emulation's files; ReportCommandTests covers the report a run ends with.
        var (exit, _, error) = CliRunner.Run(["run", scenario.ScenarioFile, "--out", folder, "--no-report", .. options]);
        Assert.True(exit == 0, error);
        return (File.ReadAllText(Path.Combine(folder, "metrics.csv")), File.ReadAllText(Path.Combine(folder, "summary.json")));
    }
}
