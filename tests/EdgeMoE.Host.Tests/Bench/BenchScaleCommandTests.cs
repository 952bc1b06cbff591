using System.Text.Json;

namespace EdgeMoE.Host.Tests.Bench;

[Collection(ProcessWideMeasurements.Name)]
public sealed class BenchScaleCommandTests
{
    [Fact]
    public void Bench_scale_runs_two_cells_in_one_process_and_reports_its_numbers_as_json()
    {
        var (exit, output, error) = CliRunner.Run("bench", "scale", "--servers", "20", "--slots", "2", "--json");
        Assert.True(exit == 0, error);
        var numbers = LastJsonLine(output);
        Assert.Equal(20, numbers["servers"]);
        Assert.Equal(2, numbers["cells"]);
        Assert.Equal(1, numbers["processes"]);
        Assert.True(numbers["first_slot_s"] > 0);
        Assert.True(numbers["slot_s"] > 0);
        // Each cell's slot is at least a tick, a status, a dispatch, outputs and gradients per server: counted over the
        // whole run, since a 2-slot mean per slot depends on how far one cell ran ahead of the other.
        Assert.True(numbers["messages"] >= 2 * 2 * 5 * 10, $"messages: {numbers["messages"]}");
        Assert.True(numbers["messages_per_slot"] > 0);
        Assert.Equal(0, numbers["bytes"]);
        Assert.Contains("memory_per_server_kb", numbers.Keys);
    }

    [Fact]
    public void Bench_scale_on_two_local_edge_nodes_counts_the_bytes_that_cross_processes()
    {
        var (exit, output, error) = EdgemoeProcess.Run(TimeSpan.FromMinutes(2), "bench", "scale", "--servers", "20", "--slots", "2", "--local-nodes", "2", "--json");
        Assert.True(exit == 0, error);
        var numbers = LastJsonLine(output);
        Assert.Equal(3, numbers["processes"]);
        Assert.True(numbers["slot_s"] > 0);
        // Every server's tokens cross: 39 tokens × K = 3 × 16 floats per server and slot at least, as float32.
        Assert.True(numbers["bytes"] >= 2 * 20 * 39 * 3 * 16 * 4, $"bytes: {numbers["bytes"]}");
        Assert.True(numbers["bytes_per_slot"] > 0);
        Assert.True(numbers["nodes_working_set_mb"] > 0);
    }

    [Theory]
    [InlineData("15")]
    [InlineData("0")]
    [InlineData("-10")]
    public void Servers_not_a_positive_multiple_of_ten_is_bad_usage(string servers)
    {
        var (exit, _, error) = CliRunner.Run("bench", "scale", "--servers", servers);
        Assert.Equal(2, exit);
        Assert.Contains("--servers", error);
    }

    internal static Dictionary<string, double> LastJsonLine(string output)
    {
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? double.NaN : p.Value.GetDouble());
    }
}
