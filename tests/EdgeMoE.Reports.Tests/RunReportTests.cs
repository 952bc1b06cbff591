using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Tests;

public sealed class RunReportTests : IDisposable
{
    private readonly RunFolders _folders = new();

    [Fact]
    public void A_stable_moe_folder_gets_its_four_curves_and_two_heatmaps_per_policy()
    {
        var outcome = RunReport.Write(_folders.StableMoe("run"));

        Assert.Equal(
            [
                "stable-moe-cumulative-throughput", "stable-moe-token-queues", "stable-moe-energy-queues", "stable-moe-test-accuracy",
                "stable-moe-frequency-stable-moe", "stable-moe-energy-stable-moe", "stable-moe-frequency-random", "stable-moe-energy-random",
            ],
            outcome.Charts.Select(c => c.Name));
        var folder = Path.GetDirectoryName(outcome.Page)!;
        foreach (var chart in outcome.Charts)
        {
            var png = File.ReadAllBytes(Path.Combine(folder, chart.Png));
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
            Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(folder, chart.Svg)), StringComparison.Ordinal);
        }

        var html = File.ReadAllText(outcome.Page);
        Assert.Contains("<table id=\"summary\">", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;escaped&lt;/b&gt; &amp; kept", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_files_give_byte_identical_charts_and_page()
    {
        // Same leaf name (the page shows it) in two places; the second report also follows other charts in this process.
        var first = _folders.StableMoe(Path.Combine("a", "run"), events: Events);
        var second = _folders.StableMoe(Path.Combine("b", "run"), events: Events);
        RunReport.Write(first);
        RunReport.Write(_folders.Sweep("between"));
        RunReport.Write(second);

        var files = Directory.GetFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
        Assert.Contains(Path.Combine("charts", "stable-moe-token-queues.svg"), files);
        Assert.Equal(files, Directory.GetFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order());
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file);
        }
    }

    [Fact]
    public void Failure_events_are_marked_on_the_slot_charts_and_listed_in_the_page()
    {
        var plain = RunReport.Write(_folders.StableMoe("plain"));
        var failed = RunReport.Write(_folders.StableMoe("failed", events: Events));

        var svg = File.ReadAllText(Path.Combine(Path.GetDirectoryName(failed.Page)!, "charts", "stable-moe-cumulative-throughput.svg"));
        Assert.Contains("slots 1-3", svg, StringComparison.Ordinal);
        Assert.Contains("never recovered", svg, StringComparison.Ordinal);
        var randomMap = File.ReadAllText(Path.Combine(Path.GetDirectoryName(failed.Page)!, "charts", "stable-moe-frequency-random.svg"));
        Assert.Contains("never recovered", randomMap, StringComparison.Ordinal); // the random policy's failure only
        Assert.DoesNotContain("slots 1-3", randomMap, StringComparison.Ordinal);
        Assert.DoesNotContain("never recovered", File.ReadAllText(Path.Combine(Path.GetDirectoryName(plain.Page)!, "charts", "stable-moe-cumulative-throughput.svg")), StringComparison.Ordinal);

        var html = File.ReadAllText(failed.Page);
        Assert.Contains("<table id=\"events\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>crash</td><td>expert-1</td><td class=\"n\">2</td><td class=\"n\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>link</td><td>expert-2</td><td class=\"n\">2</td><td>never</td>", html, StringComparison.Ordinal);
        Assert.Contains("None (events.csv absent)", File.ReadAllText(plain.Page), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_gets_the_ratio_against_lambda_and_against_v()
    {
        var outcome = RunReport.Write(_folders.Sweep("sweep"));

        Assert.Equal(["sweep-ratio-vs-arrival-rate", "sweep-ratio-vs-v"], outcome.Charts.Select(c => c.Name));
        var svg = File.ReadAllText(Path.Combine(Path.GetDirectoryName(outcome.Page)!, outcome.Charts[0].Svg));
        Assert.Contains("random (v=10)", svg, StringComparison.Ordinal);
        Assert.Contains("arrival-rate=200_v=10_seed=1", File.ReadAllText(outcome.Page), StringComparison.Ordinal);
    }

    [Fact]
    public void A_federated_nmoe_folder_gets_its_per_round_curves_for_each_partition_and_a_gating_heatmap()
    {
        var folder = _folders.Folder("nmoe");
        File.WriteAllText(Path.Combine(folder, "config.conf"), "edgemoe.run.scenario = nmoe\n");
        File.WriteAllText(Path.Combine(folder, "summary.json"), "{ \"scenario\": \"nmoe\", \"seed\": 1 }");
        File.WriteAllText(Path.Combine(folder, "rounds.csv"), """
            partition,process,round,dropped,trained,trained_count,mean_loss,accuracy,f1,auc,upload_bits
            iid,fedce,1,,0;1;2,3,1.5,0.6,0.55,0.9,1000
            iid,fedce,2,1,0;2,2,1.1,0.7,0.66,0.92,800
            iid,fedsc,1,,0;1;2,3,4.2,,,,2000
            iid,fedsc,2,1,0;2,2,3.9,,,,1500
            non-iid(0.2),fedavg,1,,0;1;2,3,1.9,0.5,0.2,0.8,900
            """.Replace("            ", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "gating.csv"), "partition,method,client,expert,samples\niid,fedce+fedgate,0,0,8\niid,fedce+fedgate,0,1,2\niid,fedce+fedgate,1,0,0\niid,fedce+fedgate,1,1,10\n");

        var outcome = RunReport.Write(folder);

        Assert.Equal(
            ["nmoe-loss-iid", "nmoe-accuracy-iid", "nmoe-f1-iid", "nmoe-clients-iid",
             "nmoe-loss-non-iid-0-2", "nmoe-accuracy-non-iid-0-2", "nmoe-f1-non-iid-0-2", "nmoe-clients-non-iid-0-2",
             "nmoe-gating-fedce-fedgate-iid"],
            outcome.Charts.Select(c => c.Name));
        // FedSC measures no accuracy per round: only FedCE is on the accuracy chart.
        var accuracy = File.ReadAllText(Path.Combine(folder, outcome.Charts[1].Svg));
        Assert.Contains("fedce", accuracy, StringComparison.Ordinal);
        Assert.DoesNotContain("fedsc", accuracy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_without_its_files_gets_no_charts_but_a_page()
    {
        var folder = _folders.Folder("jesa");
        File.WriteAllText(Path.Combine(folder, "config.conf"), "edgemoe.run.scenario = jesa\n");
        File.WriteAllText(Path.Combine(folder, "summary.json"), "{ \"scenario\": \"jesa\", \"seed\": 3 }");

        var outcome = RunReport.Write(folder);

        Assert.Empty(outcome.Charts);
        Assert.Contains("No charts", File.ReadAllText(outcome.Page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metrics.csv", "policy,slot\nstable-moe,0\n", "metrics.csv: no column 'expert'")]
    [InlineData("metrics.csv", null, "")]
    [InlineData("summary.json", "{ \"policies\": ", "summary.json: not valid JSON")]
    [InlineData("summary.json", "[1, 2]", "summary.json: expected a JSON object")]
    [InlineData("config.conf", "edgemoe { run { scenario = ", "config.conf:1")]
    [InlineData("config.conf", "edgemoe.run.seed = 1\n", "config.conf: no edgemoe.run.scenario")]
    [InlineData("events.csv", "policy,slot,kind,target,detected_slot,recovered_slot\nrandom,two,crash,expert-1,,\n", "events.csv:2: column 'slot' holds 'two'")]
    [InlineData("events.csv", "policy,slot,kind\nrandom,2,crash\n", "events.csv: no column 'target'")]
    public void A_malformed_file_is_named_in_the_one_message(string file, string? text, string expected)
    {
        var folder = _folders.StableMoe("bad");
        var path = Path.Combine(folder, file);
        if (text is null)
        {
            // Rows of a policy whose slot is not a number.
            File.AppendAllText(path, "random,x,0,1,40,10,9,0,0,0.1,4e8,1000,0.01,10,10,1.5,2.1,\n");
            expected = "metrics.csv:26: column 'slot' holds 'x'";
        }
        else
        {
            File.WriteAllText(path, text);
        }

        var error = Assert.Throws<ReportInputException>(() => RunReport.Write(folder));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_refused_by_name()
    {
        var missing = Path.Combine(_folders.Root, "nowhere");
        Assert.Equal($"{missing}: no such run folder", Assert.Throws<ReportInputException>(() => RunReport.Write(missing)).Message);
        var empty = _folders.Folder("empty");
        Assert.Contains("not a run folder", Assert.Throws<ReportInputException>(() => RunReport.Write(empty)).Message, StringComparison.Ordinal);
        var noSummary = _folders.StableMoe("no-summary");
        File.Delete(Path.Combine(noSummary, "summary.json"));
        Assert.Contains("summary.json: missing", Assert.Throws<ReportInputException>(() => RunReport.Write(noSummary)).Message, StringComparison.Ordinal);
    }

    private const string Events = "policy,slot,kind,target,detected_slot,recovered_slot\nstable-moe,1,crash,expert-1,2,3\nrandom,2,link,expert-2,2,\n";

    public void Dispose() => _folders.Dispose();
}
