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
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(14, results.Length);
        Assert.Contains(results, r => r.GetProperty("policy").GetString() == "stable-moe" && r.GetProperty("experts").GetInt32() == 64);
        Assert.All(results, r => Assert.True(r.GetProperty("median_ms").GetDouble() > 0));
    }

    [Fact]
    public void A_non_positive_run_count_is_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run("bench", "policies", "--runs", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--runs", error);
    }
}
