using System.Text.Json;

namespace EdgeMoE.Host.Tests.Mec;

public sealed class MecScenarioTests
{
    [Fact]
    public void The_same_seed_gives_byte_identical_files_on_one_or_two_threads()
    {
        using var mec = new TinyMec();
        var one = Run(mec, "one", "--threads", "1");
        var two = Run(mec, "two", "--threads", "2");
        Assert.True(one.Errors.AsSpan().SequenceEqual(two.Errors), "errors.csv differs");
        Assert.True(one.Summary.AsSpan().SequenceEqual(two.Summary), "summary.json differs");
        Assert.NotEqual(one.Errors, Run(mec, "other", "--seed", "9").Errors);
    }

    [Fact]
    public void Errors_hold_one_row_per_run_and_step_and_the_summary_one_object_per_run()
    {
        using var mec = new TinyMec();
        var (errors, summary) = Run(mec, "out");
        var lines = System.Text.Encoding.UTF8.GetString(errors).TrimEnd('\n').Split('\n');
        Assert.Equal("method,experts,seed,step,error", lines[0]);
        Assert.Equal(1 + (2 * 2 * 4 * 60), lines.Length);

        using var json = JsonDocument.Parse(summary);
        var root = json.RootElement;
        Assert.True(root.GetProperty("sigma0_error_level").GetDouble() > 0);
        Assert.Equal(7, root.GetProperty("minimum_experts").GetInt32()); // ⌈3·⌈3/3⌉·ln 10⌉
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(16, runs.Count);
        Assert.Equal(["moe", "nearest", "most-powerful", "random"], runs.Take(4).Select(r => r.GetProperty("method").GetString()));
        foreach (var run in runs)
        {
            var key = $"{run.GetProperty("method").GetString()},{run.GetProperty("experts").GetInt32()},{run.GetProperty("seed").GetInt32()},";
            var series = lines.Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(60, series.Count);
            Assert.Equal(series[0], run.GetProperty("initial_error").GetDouble());
            Assert.Equal(series[^1], run.GetProperty("final_error").GetDouble());
            Assert.True(run.TryGetProperty("convergence_step", out _));
            // Only the gate can stop learning, and only after its exploration rounds T1.
            var stopped = run.GetProperty("gate_stopped_at");
            if (run.GetProperty("method").GetString() != "moe")
            {
                Assert.Equal(JsonValueKind.Null, stopped.ValueKind);
            }
            else if (stopped.ValueKind != JsonValueKind.Null)
            {
                Assert.InRange(stopped.GetInt32(), run.GetProperty("gate_stop_step").GetInt32() + 1, 60);
            }
        }

        // One seed mean per (method, M): the runs' mean G_1 and G_T, and the convergence of the mean curve of errors.csv.
        var means = root.GetProperty("seed_means").EnumerateArray().ToList();
        Assert.Equal(8, means.Count);
        foreach (var mean in means)
        {
            var (method, experts) = (mean.GetProperty("method").GetString(), mean.GetProperty("experts").GetInt32());
            var group = runs.Where(r => r.GetProperty("method").GetString() == method && r.GetProperty("experts").GetInt32() == experts).ToList();
            Assert.Equal(group.Count, mean.GetProperty("seeds").GetInt32());
            Assert.Equal(group.Average(r => r.GetProperty("initial_error").GetDouble()), mean.GetProperty("initial_error").GetDouble(), 12);
            Assert.Equal(group.Average(r => r.GetProperty("final_error").GetDouble()), mean.GetProperty("final_error").GetDouble(), 12);
            var curve = Enumerable.Range(1, 60).Select(step => lines
                .Where(l => l.StartsWith($"{method},{experts},", StringComparison.Ordinal) && l.Split(',')[3] == step.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Average(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var expected = Enumerable.Range(1, 60).Where(t => curve.Skip(t - 1).All(e => e < 0.1 * curve[0])).Cast<int?>().FirstOrDefault();
            var actual = mean.GetProperty("convergence_step");
            Assert.Equal(expected, actual.ValueKind == JsonValueKind.Null ? null : actual.GetInt32());
        }
    }

    [Fact]
    public void The_fashion_family_trains_mlp_experts_on_class_subsets_byte_identically_on_one_or_two_threads()
    {
        // run.dataset = synthetic: Fashion-MNIST's shape and classes without the package.
        const string Fashion = """
            task-family = fashion-mnist
            experts = [3]
            seeds = 1
            tasks = 12
            fashion-images-per-task = 8
            fashion-evaluation-images = 20
            fashion-hidden = 4
            """;
        using var mec = new TinyMec(Fashion, runExtra: "dataset = synthetic");
        var one = Run(mec, "one", "--threads", "1");
        var two = Run(mec, "two", "--threads", "2");
        Assert.True(one.Errors.AsSpan().SequenceEqual(two.Errors), "errors.csv differs");
        Assert.True(one.Summary.AsSpan().SequenceEqual(two.Summary), "summary.json differs");
        using var json = JsonDocument.Parse(one.Summary);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("sigma0_error_level").ValueKind);
        Assert.Equal("fashion-mnist", json.RootElement.GetProperty("task_family").GetString());
        foreach (var run in json.RootElement.GetProperty("runs").EnumerateArray())
        {
            var final = run.GetProperty("final_error").GetDouble();
            Assert.InRange(final, 0.0, 1.0);
        }
    }

    [Theory]
    [InlineData("experts = [3, 0]", "edgemoe.mec.experts")]
    [InlineData("experts = [3, 3]", "edgemoe.mec.experts")]
    [InlineData("seeds = 0", "edgemoe.mec.seeds")]
    [InlineData("tasks = -1", "edgemoe.mec.tasks")]
    [InlineData("methods = [moe, closest]", "edgemoe.mec.methods")]
    [InlineData("sigma0 = 1.5", "edgemoe.mec.sigma0")]
    [InlineData("dimension = 2", "edgemoe.mec.dimension")]
    [InlineData("gate-stop-step = soon", "edgemoe.mec.gate-stop-step")]
    [InlineData("gate-stop-gap = -0.1", "edgemoe.mec.gate-stop-gap")]
    [InlineData("gate-stop-gap = sometimes", "edgemoe.mec.gate-stop-gap")]
    [InlineData("gate-locality = nearest", "edgemoe.mec.gate-locality")]
    [InlineData("link-rate-range = [0, 1e8]", "edgemoe.mec.link-rate-range")]
    [InlineData("frequency-range = [3e9, 1e9]", "edgemoe.mec.frequency-range")]
    [InlineData("step-duration = 0s", "edgemoe.mec.step-duration")]
    [InlineData("convergence-fraction = 1", "edgemoe.mec.convergence-fraction")]
    [InlineData("task-family = speech", "edgemoe.mec.task-family")]
    [InlineData("fashion-optimizer = rmsprop", "edgemoe.mec.fashion-optimizer")]
    public void A_bad_value_exits_2_naming_the_key(string line, string key)
    {
        using var mec = new TinyMec(line);
        var (exit, _, error) = CliRunner.Run("run", mec.ScenarioFile, "--out", mec.Output("bad"));
        Assert.Equal(2, exit);
        Assert.Contains(key, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void The_gate_specialises_its_servers_so_G_t_falls_far_below_its_start_and_below_random_routing()
    {
        // M = 2N servers, a few hundred tasks: with the defaults each cluster's tasks settle on servers of their own.
        var small = SmallMecInstance.Lines("moe, random");
        using var mec = new TinyMec(small);
        var (_, summary) = Run(mec, "out");
        using var json = JsonDocument.Parse(summary);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("method").GetString(), r.GetProperty("seed").GetInt32()), r => (Start: r.GetProperty("initial_error").GetDouble(), End: r.GetProperty("final_error").GetDouble()));
        var seeds = runs.Keys.Select(k => k.Item2).Distinct().ToList();
        Assert.Equal(3, seeds.Count);
        foreach (var seed in seeds)
        {
            var (moe, random) = (runs[("moe", seed)], runs[("random", seed)]);
            Assert.True(moe.End < 0.4 * random.End, $"seed {seed}: MoE G_T {moe.End}, random's {random.End}");
        }

        var moeRatio = seeds.Average(seed => runs[("moe", seed)].End / runs[("moe", seed)].Start);
        var randomRatio = seeds.Average(seed => runs[("random", seed)].End / runs[("random", seed)].Start);
        Assert.True(moeRatio < 0.25, $"MoE G_T/G_1 {moeRatio} (random {randomRatio})");
        Assert.True(randomRatio > 0.5, $"random G_T/G_1 {randomRatio}: one model per server forgets");
    }

    [Fact]
    public void A_cluster_option_is_refused_with_exit_2()
    {
        using var mec = new TinyMec();
        var (exit, _, error) = CliRunner.Run("run", mec.ScenarioFile, "--out", mec.Output("c"), "--local-nodes", "2");
        Assert.Equal(2, exit);
        Assert.Contains("--local-nodes", error);
    }

    [Fact]
    public void Without_load_balancing_the_gate_piles_the_clusters_on_few_servers_and_G_t_ends_far_higher()
    {
        // Issue 19, second round: the load-balancing term is not what keeps G_t up (it does not churn the clusters);
        // without it a few servers take every cluster. Same small instance as above; measured mean G_T over seeds 1-3:
        // 0.14 with alpha = 0.5, 0.55 with alpha = 0.
        static double MeanFinal(string alpha)
        {
            using var mec = new TinyMec(SmallMecInstance.Lines("moe", $"load-balance-weight = {alpha}"));
            var (_, summary) = Run(mec, "out");
            using var json = JsonDocument.Parse(summary);
            return json.RootElement.GetProperty("runs").EnumerateArray().Average(r => r.GetProperty("final_error").GetDouble());
        }

        var (balanced, unbalanced) = (MeanFinal("0.5"), MeanFinal("0"));
        Assert.True(unbalanced > 2 * balanced, $"mean MoE G_T {balanced} with load balancing, {unbalanced} without");
    }

    private static (byte[] Errors, byte[] Summary) Run(TinyMec mec, string name, params string[] extra)
    {
        var folder = mec.Output(name);
        var (exit, output, error) = CliRunner.Run(["run", mec.ScenarioFile, "--out", folder, .. extra]);
        Assert.True(exit == 0, error);
        Assert.Contains("moe", output);
        return (File.ReadAllBytes(Path.Combine(folder, "errors.csv")), File.ReadAllBytes(Path.Combine(folder, "summary.json")));
    }
}
