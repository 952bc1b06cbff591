using System.Text.Json;

namespace EdgeMoE.Host.Tests.Run.ChannelAware;

[Collection(TorchThreadCount.Name)]
public sealed class ChannelAwareRunTests
{
    [Fact]
    public void The_same_seed_twice_writes_byte_identical_summary_and_routing_whatever_the_thread_count()
    {
        using var scenario = new TinyChannelAware();
        var first = Run(scenario, "a", "--threads", "1");
        var second = Run(scenario, "b", "--threads", "2");
        Assert.True(first.Summary.AsSpan().SequenceEqual(second.Summary), "summary.json differs");
        Assert.True(first.Routing.AsSpan().SequenceEqual(second.Routing), "routing.json differs");
    }

    [Fact]
    public void Summary_has_one_result_per_mode_experts_and_snr_with_the_three_accuracies()
    {
        using var scenario = new TinyChannelAware();
        var (summary, routing) = Run(scenario, "out");
        using var json = JsonDocument.Parse(summary);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2 * 2 * 2, results.Count);
        Assert.Equal(
            new[] { "analog/2/0", "analog/2/30", "analog/3/0", "analog/3/30", "digital/2/0", "digital/2/30", "digital/3/0", "digital/3/30" },
            results.Select(r => $"{r.GetProperty("mode").GetString()}/{r.GetProperty("experts").GetInt32()}/{r.GetProperty("snr_db").GetDouble()}"));
        foreach (var r in results)
        {
            foreach (var key in new[] { "naive_accuracy", "aware_accuracy", "ideal_accuracy" })
            {
                Assert.InRange(r.GetProperty(key).GetDouble(), 0, 1);
            }
        }

        using var routes = JsonDocument.Parse(routing);
        foreach (var point in routes.RootElement.GetProperty("routing").EnumerateArray())
        {
            var experts = point.GetProperty("experts").GetInt32();
            foreach (var gate in new[] { "naive_chosen", "aware_chosen" })
            {
                var counts = point.GetProperty(gate).EnumerateArray().Select(c => c.GetInt32()).ToList();
                Assert.Equal(experts, counts.Count);
                Assert.Equal(150, counts.Sum());
            }
        }
    }

    [Fact]
    public void The_naive_gate_setting_changes_the_naive_gate_only()
    {
        // Default naive-gate = stage1 compares G as stage 1 leaves it; equal-training refines G first. G_AW starts from
        // stage 1's G either way, so its choices and accuracies must not move, while G's must.
        using var stage1 = new TinyChannelAware();
        using var equal = new TinyChannelAware("naive-gate = equal-training");
        var asLeft = Points(Run(stage1, "stage1"));
        var refined = Points(Run(equal, "equal"));
        Assert.Equal(asLeft.Select(p => p.Aware), refined.Select(p => p.Aware));
        Assert.NotEqual(asLeft.Select(p => p.Naive), refined.Select(p => p.Naive));
    }

    [Fact]
    public void The_stage1_loss_setting_changes_stage_1()
    {
        using var mixture = new TinyChannelAware();
        using var switchLoss = new TinyChannelAware("stage1-loss = switch");
        var dense = Points(Run(mixture, "mixture"));
        var top1 = Points(Run(switchLoss, "switch"));
        Assert.NotEqual(dense.Select(p => p.Naive), top1.Select(p => p.Naive));
        Assert.NotEqual(dense.Select(p => p.Aware), top1.Select(p => p.Aware));
    }

    [Fact]
    public void Sweep_images_held_out_measures_the_sweep_on_the_held_out_training_images()
    {
        // 100 held-out images (TinyChannelAware) instead of the 150 test images; training is the same.
        using var scenario = new TinyChannelAware("sweep-images = held-out");
        var (_, routing) = Run(scenario, "held-out");
        using var routes = JsonDocument.Parse(routing);
        foreach (var point in routes.RootElement.GetProperty("routing").EnumerateArray())
        {
            Assert.Equal(100, point.GetProperty("naive_chosen").EnumerateArray().Sum(c => c.GetInt32()));
            Assert.Equal(100, point.GetProperty("aware_chosen").EnumerateArray().Sum(c => c.GetInt32()));
        }
    }

    [Theory]
    [InlineData("best")]
    [InlineData("last")]
    public void Stage_1_ends_with_the_weights_of_its_best_or_its_last_held_out_epoch(string weights)
    {
        // Six stage-1 epochs that the rule never stops (patience 10), K = 3; the sweep's ideal accuracy is then measured
        // by the server actor on the same held-out images that stage 1 scores after each epoch.
        using var scenario = new TinyChannelAware(
            $"experts = [3]\nmodes = [analog]\nstage1-epochs = 6\nstage1-patience = 10\nstage1-learning-rate = 1e-2\nsweep-images = held-out\nstage1-weights = {weights}");
        var folder = scenario.Output(weights);
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--out", folder, "--no-report");
        Assert.True(exit == 0, error);
        var heldOut = error.Split('\n').Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^K=3 stage 1 epoch \d+: held-out accuracy ([0-9.]+) %"))
            .Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, heldOut.Count);
        var best = heldOut.IndexOf(heldOut.Max());
        Assert.True(best < 5, $"the setup needs a best epoch before the last: held-out {string.Join(", ", heldOut)}");
        Assert.True(heldOut[5] < heldOut[best], $"the setup needs a last epoch worse than the best: held-out {string.Join(", ", heldOut)}");
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "summary.json")));
        var ideal = 100 * summary.RootElement.GetProperty("results")[0].GetProperty("ideal_accuracy").GetDouble();
        Assert.Equal(weights == "best" ? heldOut[best] : heldOut[5], Math.Round(ideal, 2));
        Assert.Equal(weights == "best", error.Contains($"K=3 stage 1 keeps epoch {best + 1}'s weights", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("experts = []", "edgemoe.channel-aware.experts")]
    [InlineData("experts = [4, 4]", "edgemoe.channel-aware.experts")]
    [InlineData("experts = [0]", "edgemoe.channel-aware.experts")]
    [InlineData("modes = [analog, smoke-signals]", "edgemoe.channel-aware.modes")]
    [InlineData("snr-sweep-db = [0, 100]", "edgemoe.channel-aware.snr-sweep-db")]
    [InlineData("training-snr-db = [30, 0]", "edgemoe.channel-aware.training-snr-db")]
    [InlineData("fading = rician", "edgemoe.channel-aware.fading")]
    [InlineData("uplink = carrier-pigeon", "edgemoe.channel-aware.uplink")]
    [InlineData("digital-bits = 0", "edgemoe.channel-aware.digital-bits")]
    [InlineData("digital-modulation = qam64", "edgemoe.channel-aware.digital-modulation")]
    [InlineData("stage1-epochs = 0", "edgemoe.channel-aware.stage1-epochs")]
    [InlineData("stage1-validation-images = 400", "edgemoe.channel-aware.stage1-validation-images")]
    [InlineData("stage1-min-gain = -0.5", "edgemoe.channel-aware.stage1-min-gain")]
    [InlineData("stage1-patience = 0", "edgemoe.channel-aware.stage1-patience")]
    [InlineData("stage1-loss = dense", "edgemoe.channel-aware.stage1-loss")]
    [InlineData("stage1-weights = first", "edgemoe.channel-aware.stage1-weights")]
    [InlineData("stage1-learning-rate-drops = -1", "edgemoe.channel-aware.stage1-learning-rate-drops")]
    [InlineData("stage1-learning-rate-drops = 11", "edgemoe.channel-aware.stage1-learning-rate-drops")]
    [InlineData("stage1-learning-rate-factor = 1", "edgemoe.channel-aware.stage1-learning-rate-factor")]
    [InlineData("stage1-learning-rate-factor = 0", "edgemoe.channel-aware.stage1-learning-rate-factor")]
    [InlineData("sweep-images = train", "edgemoe.channel-aware.sweep-images")]
    [InlineData("sweep-images = held-out\nstage1-validation-images = 0", "edgemoe.channel-aware.sweep-images")]
    [InlineData("stage2-learning-rate = -1", "edgemoe.channel-aware.stage2-learning-rate")]
    [InlineData("balance-weight = -0.1", "edgemoe.channel-aware.balance-weight")]
    [InlineData("test-images = -5", "edgemoe.channel-aware.test-images")]
    [InlineData("gate-hidden = -1", "edgemoe.channel-aware.gate-hidden")]
    [InlineData("gate-hidden = 4097", "edgemoe.channel-aware.gate-hidden")]
    [InlineData("naive-gate = best", "edgemoe.channel-aware.naive-gate")]
    [InlineData("digital-outage-threshold-db = 99", "edgemoe.channel-aware.digital-outage-threshold-db")]
    [InlineData("expert-count = 3", "expert-count")]
    public void A_bad_value_exits_2_naming_the_key(string line, string key)
    {
        using var scenario = new TinyChannelAware(line);
        BadValueRun.AssertNamesKey(scenario.ScenarioFile, scenario.Output("bad"), key);
    }

    [Fact]
    public void A_cluster_option_exits_2()
    {
        using var scenario = new TinyChannelAware();
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--out", scenario.Output("c"), "--local-nodes", "2");
        Assert.Equal(2, exit);
        Assert.Contains("--local-nodes", error);
    }

    private static (byte[] Summary, byte[] Routing) Run(TinyChannelAware scenario, string output, params string[] options)
    {
        var folder = scenario.Output(output);
        var (exit, stdout, error) = CliRunner.Run(["run", scenario.ScenarioFile, "--out", folder, .. options]);
        Assert.True(exit == 0, error);
        Assert.Contains("mean gain analog K=2", stdout);
        return (File.ReadAllBytes(Path.Combine(folder, "summary.json")), File.ReadAllBytes(Path.Combine(folder, "routing.json")));
    }

    // Per result (mode, experts, SNR): the aware gate's accuracy and choices, and the naive gate's.
    private static List<(string Aware, string Naive)> Points((byte[] Summary, byte[] Routing) run)
    {
        using var summary = JsonDocument.Parse(run.Summary);
        using var routing = JsonDocument.Parse(run.Routing);
        var results = summary.RootElement.GetProperty("results").EnumerateArray().ToList();
        var routes = routing.RootElement.GetProperty("routing").EnumerateArray().ToList();
        Assert.Equal(results.Count, routes.Count);
        return results.Zip(routes, (r, c) => (
            $"{r.GetProperty("aware_accuracy").GetDouble()} {c.GetProperty("aware_chosen")}",
            $"{r.GetProperty("naive_accuracy").GetDouble()} {c.GetProperty("naive_chosen")}")).ToList();
    }
}
