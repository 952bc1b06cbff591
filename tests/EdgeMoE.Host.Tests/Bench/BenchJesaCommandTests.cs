using System.Text.Json;

namespace EdgeMoE.Host.Tests.Bench;

public sealed class BenchJesaCommandTests
{
    [Fact]
    public void Bench_jesa_times_our_assignment_beside_or_tools_at_the_chosen_size_with_the_same_optimum()
    {
        var (exit, output, error) = CliRunner.Run(
            "bench", "jesa", "--json", "--rounds", "2", "--assignment-size", "96", "--assignment-runs", "2");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var numbers = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.True(numbers["assignment_96x96_median_ms"] > 0);
        Assert.True(numbers["assignment_ortools_96x96_add_arcs_median_ms"] > 0);
        Assert.True(numbers["assignment_ortools_96x96_solve_median_ms"] > 0);
        Assert.Equal(1, numbers["assignment_96x96_same_optimum"]);
        Assert.Contains("assignment_56x96_median_ms", numbers.Keys);
    }

    [Fact]
    public void A_non_positive_assignment_size_is_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run("bench", "jesa", "--assignment-size", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--assignment-size", error);
    }
}
