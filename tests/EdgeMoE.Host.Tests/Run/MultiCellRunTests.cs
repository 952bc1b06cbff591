using System.Text.Json;

namespace EdgeMoE.Host.Tests.Run;

/// <summary><c>edgemoe.stable-moe.cells</c>: a scenario of several independent cells reports as one network.</summary>
[Collection(TorchThreadCount.Name)]
public sealed class MultiCellRunTests
{
    [Fact]
    public void Three_cells_write_a_row_per_slot_and_server_of_every_cell_whatever_the_thread_count()
    {
        using var scenario = new TinyScenario("cells = 3");
        var one = Run(scenario, "t1", "--threads", "1");
        var four = Run(scenario, "t4", "--threads", "4");
        Assert.Equal(one.Metrics, four.Metrics);
        Assert.Equal(one.Summary, four.Summary);

        var rows = one.Metrics.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(6 * 3 * 4, rows.Length); // 6 slots, 3 cells of 4 servers
        Assert.Equal(Enumerable.Range(0, 12).Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Where(r => r[1] == "0").Select(r => r[2]));

        // Cells draw their own arrivals: the network's arrivals are not three times one cell's.
        var arrivals = rows.Where(r => r[2] == "0").Select(r => int.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains(arrivals, a => a % 3 != 0);
        // Each cell routes its own tokens: servers of every cell receive some.
        foreach (var cell in Enumerable.Range(0, 3))
        {
            Assert.Contains(rows, r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) / 4 == cell && r[5] != "0");
        }

        using var json = JsonDocument.Parse(one.Summary);
        Assert.Equal(3, json.RootElement.GetProperty("cells").GetInt32());
        Assert.Equal(12, json.RootElement.GetProperty("load").GetProperty("budgeted_capacity_by_server").GetArrayLength());
        var throughput = rows.Where(r => r[2] == "0").Sum(r => long.Parse(r[13], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(throughput, json.RootElement.GetProperty("policies").GetProperty("stable-moe").GetProperty("cumulative_throughput").GetInt64());
    }

    [Theory]
    [InlineData("cells = 0")]
    [InlineData("cells = 10001")]
    public void A_cell_count_out_of_range_exits_2_naming_the_key(string line)
    {
        using var scenario = new TinyScenario(line);
        var (exit, _, error) = CliRunner.Run("run", scenario.ScenarioFile, "--out", scenario.Output("out"));
        Assert.Equal(2, exit);
        Assert.Contains("edgemoe.stable-moe.cells", error);
        Assert.DoesNotContain("   at ", error);
    }

    private static (string Metrics, string Summary) Run(TinyScenario scenario, string output, params string[] options)
    {
        var folder = scenario.Output(output);
        var (exit, _, error) = CliRunner.Run(["run", scenario.ScenarioFile, "--out", folder, "--policy", "stable-moe", "--slots", "6", .. options]);
        Assert.True(exit == 0, error);
        return (File.ReadAllText(Path.Combine(folder, "metrics.csv")), File.ReadAllText(Path.Combine(folder, "summary.json")));
    }
}
