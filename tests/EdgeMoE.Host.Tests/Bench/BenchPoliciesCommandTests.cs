using System.Text.Json;

namespace EdgeMoE.Host.Tests.Bench;

public sealed class BenchPoliciesCommandTests
{
    [Fact]
    public void Bench_policies_reports_every_policy_at_both_sizes_as_json_on_the_last_line()
    {
        var (exit, output, error) = CliRunner.Run("bench", "policies", "--json", "--runs", "1", "--warmup", "0");
        Assert.True(exit == 0, error);
        var last = output.TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var numbers = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(34, numbers.Count); // 7 policies × 2 sizes × (median, p90) + 2 sizes × (two P1 solvers, their gap)
        Assert.Contains("stable_moe_large_median_ms", numbers.Keys);
        Assert.Contains("energy_aware_greedy_paper_p90_ms", numbers.Keys);
        Assert.Contains("p1_exchange_search_large_median_ms", numbers.Keys);
        Assert.All(numbers.Where(n => n.Key.EndsWith("_ms", StringComparison.Ordinal)), n => Assert.True(n.Value > 0, n.Key));

        // Both exact solvers reach the same optimum on the same slots (OR-Tools within its rounding bound).
        Assert.InRange(numbers["p1_paper_max_objective_gap"], 0, 1e-6);
        Assert.InRange(numbers["p1_large_max_objective_gap"], 0, 1e-4);
    }

    [Fact]
    public void A_non_positive_run_count_is_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run("bench", "policies", "--runs", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--runs", error);
    }
}
