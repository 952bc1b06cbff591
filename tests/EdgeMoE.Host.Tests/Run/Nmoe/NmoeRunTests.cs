using System.Text.Json;

namespace EdgeMoE.Host.Tests.Run.Nmoe;

[Collection(TorchThreadCount.Name)]
public sealed class NmoeRunTests
{
    [Fact]
    public void The_same_seed_twice_writes_byte_identical_rounds_and_summary_whatever_the_thread_count()
    {
        using var scenario = new TinyNmoe();
        var first = Run(scenario, "a", "--threads", "1");
        var second = Run(scenario, "b", "--threads", "2");
        Assert.True(first.Rounds.AsSpan().SequenceEqual(second.Rounds), "rounds.csv differs");
        Assert.True(first.Summary.AsSpan().SequenceEqual(second.Summary), "summary.json differs");
        Assert.True(first.Gating.AsSpan().SequenceEqual(second.Gating), "gating.csv differs");

        using var json = JsonDocument.Parse(first.Summary);
        var methods = json.RootElement.GetProperty("methods");
        foreach (var method in new[] { "fedce+fedgate", "fedsc+fedgate", "fedce+rollgate", "fedce+rangate", "fedavg", "local", "centralised-moe" })
        {
            foreach (var partition in new[] { "iid", "non-iid(0.2)" })
            {
                var result = methods.GetProperty(method).GetProperty(partition);
                foreach (var key in new[] { "accuracy", "f1", "auc" })
                {
                    Assert.InRange(result.GetProperty(key).GetDouble(), 0, 1);
                }
            }
        }
    }

    [Fact]
    public void Rounds_csv_records_the_crashed_client_out_of_round_2_of_every_federated_process()
    {
        using var scenario = new TinyNmoe();
        var rows = System.Text.Encoding.UTF8.GetString(Run(scenario, "out").Rounds).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(',')).ToList();
        Assert.Equal(2 * 5 * 3, rows.Count);
        foreach (var row in rows.Where(r => r[2] == "2"))
        {
            Assert.Equal("1", row[3]);
            Assert.DoesNotContain("1", row[4].Split(';'));
        }

        Assert.All(rows.Where(r => r[1] is "fedce" or "fedsc" or "fedavg" && r[2] != "2"), r => Assert.Equal("0;1;2", r[4]));
    }

    [Theory]
    [InlineData("clients = 1", "edgemoe.nmoe.clients")]
    [InlineData("partitions = [iid, skewed]", "edgemoe.nmoe.partitions")]
    [InlineData("non-iid-tau = 1.5", "edgemoe.nmoe.non-iid-tau")]
    [InlineData("dominant-share = half", "edgemoe.nmoe.dominant-share")]
    [InlineData("dropout-probability = 2", "edgemoe.nmoe.dropout-probability")]
    [InlineData("gate-client-fraction = 0", "edgemoe.nmoe.gate-client-fraction")]
    [InlineData("learning-rate = -1", "edgemoe.nmoe.learning-rate")]
    [InlineData("conv-channels = []", "edgemoe.nmoe.conv-channels")]
    [InlineData("failures = [ { kind = melt-down, node = 0, at-slot = 1 } ]", "edgemoe.nmoe.failures[0].kind")]
    [InlineData("failures = [ { kind = crash-node, node = 0, at-slot = 1 }, { kind = crash-node, node = 3, at-slot = 1 } ]", "edgemoe.nmoe.failures[1].node")]
    [InlineData("failures = [ { kind = crash-node, node = 0, at-slot = 3, recover-at-slot = 2 } ]", "edgemoe.nmoe.failures[0].recover-at-slot")]
    [InlineData("failures = [ { kind = crash-node, node = 0 } ]", "edgemoe.nmoe.failures[0].at-slot")]
    [InlineData("failures = [ { kind = crash-node, node = 0, at-slot = 1, colour = red } ]", "edgemoe.nmoe.failures[0].colour")]
    [InlineData("train-per-client = 5000", "edgemoe.nmoe.train-per-client")]
    [InlineData("expert-count = 3", "expert-count")]
    public void A_bad_value_exits_2_naming_the_key(string line, string key)
    {
        using var scenario = new TinyNmoe(line);
        BadValueRun.AssertNamesKey(scenario.ScenarioFile, scenario.Output("bad"), key);
    }

    [Fact]
    public void Gating_csv_holds_every_client_test_sample_once_per_gated_method_and_partition()
    {
        using var scenario = new TinyNmoe();
        var rows = System.Text.Encoding.UTF8.GetString(Run(scenario, "gating").Gating).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("partition,method,client,expert,samples", rows[0]);
        var cells = rows.Skip(1).Select(line => line.Split(',')).ToList();
        var groups = cells.GroupBy(c => (c[0], c[1], c[2])).ToList();
        // Each client's samples, summed over the experts, are the same count for every gated method and partition.
        var totals = groups.Select(g => g.Sum(c => int.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture))).Distinct().ToList();
        Assert.Single(totals);
        Assert.True(totals[0] > 0);
        Assert.Contains(cells, c => c[1] == "fedce+fedgate");
        Assert.DoesNotContain(cells, c => c[1] is "fedavg" or "local");

        // A FedGate that reads its input routes the samples of each partition to more than one expert.
        foreach (var method in cells.Where(c => c[1].EndsWith("+fedgate", StringComparison.Ordinal)).GroupBy(c => (c[0], c[1])))
        {
            Assert.True(method.Count(c => c[4] != "0") > method.Select(c => c[2]).Distinct().Count(), $"{method.Key}: one expert per client");
        }
    }

    private static (byte[] Rounds, byte[] Summary, byte[] Gating) Run(TinyNmoe scenario, string name, params string[] extra)
    {
        var output = scenario.Output(name);
        var (exit, _, error) = CliRunner.Run(["run", scenario.ScenarioFile, "--out", output, "--no-report", .. extra]);
        Assert.True(exit == 0, error);
        return (File.ReadAllBytes(Path.Combine(output, "rounds.csv")), File.ReadAllBytes(Path.Combine(output, "summary.json")),
            File.ReadAllBytes(Path.Combine(output, "gating.csv")));
    }
}
