using System.Text.Json;

namespace EdgeMoE.Host.Tests.Solve;

public sealed class JesaSolveCommandTests
{
    [Fact]
    public void Solve_des_prints_the_selection_status_and_nodes()
    {
        var (exit, output, error) = Run("des", """{"scores": [0.5, 0.3, 0.2], "energy": [4, 1, 0], "threshold": 0.5, "max_experts": 2}""");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal([1, 2], root.GetProperty("selected").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1.0, root.GetProperty("energy").GetDouble());
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("nodes_explored").GetInt64() >= 1);
        Assert.True(root.TryGetProperty("solve_us", out _));
    }

    [Fact]
    public void Solve_des_reports_the_top_d_fallback_for_arrays_of_instances()
    {
        var (exit, output, _) = Run("des", """[{"scores": [0.1, 0.9], "energy": [1, 1], "threshold": 0.5, "max_experts": 1}, {"scores": [0.5, 0.5], "energy": [1, 1], "threshold": 2, "max_experts": 1}]""");
        Assert.Equal(0, exit);
        var results = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal("optimal", results[0].GetProperty("status").GetString());
        Assert.Equal("top-d-fallback", results[1].GetProperty("status").GetString());
    }

    [Fact]
    public void Solve_des_names_a_field_whose_length_does_not_match()
    {
        var (exit, _, error) = Run("des", """{"scores": [0.5, 0.5], "energy": [1], "threshold": 0.5, "max_experts": 1}""");
        Assert.Equal(2, exit);
        Assert.Contains("field 'energy' must have 2 entries", error);
    }

    [Fact]
    public void Solve_assignment_gives_tall_matrices_minus_one_for_unmatched_rows()
    {
        var (exit, output, _) = Run("assignment", """{"cost": [[5, 1], [1, 5], [9, 9]]}""");
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal([1, 0, -1], root.GetProperty("assignment").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2.0, root.GetProperty("cost").GetDouble());
    }

    [Fact]
    public void Solve_jesa_gives_each_link_with_traffic_its_own_subcarrier()
    {
        var (exit, output, error) = Run("jesa", Jesa(subcarriers: 4, power: "0.01"));
        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var links = root.GetProperty("subcarrier_of_link").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
        Assert.Equal(-1, links[0][0]);
        Assert.Equal(-1, links[1][1]);
        var used = links.SelectMany(r => r).Where(s => s >= 0).ToArray();
        Assert.Equal(used.Length, used.Distinct().Count());
        Assert.Equal(2, root.GetProperty("selection").GetArrayLength());
        Assert.True(root.GetProperty("energy_comp_j").GetDouble() > 0);
        Assert.True(root.GetProperty("iterations").GetInt32() >= 1);
    }

    [Fact]
    public void Solve_jesa_rejects_negative_powers_bad_shapes_and_too_few_subcarriers_naming_the_field()
    {
        Assert.Contains("field 'power_w' must be > 0", Run("jesa", Jesa(subcarriers: 4, power: "-0.01")).Error);
        Assert.Contains("field 'gains[0][0]' must have 5 entries", Run("jesa", Jesa(subcarriers: 4, power: "0.01").Replace("\"subcarriers\": 4", "\"subcarriers\": 5")).Error);
        var (exit, _, error) = Run("jesa", Jesa(subcarriers: 1, power: "0.01", gainsPerLink: 1));
        Assert.Equal(2, exit);
        Assert.Contains("field 'subcarriers' is too small", error);
    }

    private static string Jesa(int subcarriers, string power, int gainsPerLink = -1)
    {
        var m = gainsPerLink < 0 ? subcarriers : gainsPerLink;
        string Link(double g) => "[" + string.Join(", ", Enumerable.Range(1, m).Select(s => (g * s).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
        return $$"""
            {"experts": 2, "subcarriers": {{subcarriers}}, "bandwidth_hz": 1e6, "power_w": {{power}}, "noise_w": 0.001,
             "hidden_state_bits": 65536, "compute_j_per_token": [0.005, 0.001],
             "gains": [[{{Link(0.01)}}, {{Link(0.02)}}], [{{Link(0.03)}}, {{Link(0.01)}}]],
             "threshold": 0.6, "max_experts": 2,
             "scores": [[[0.5, 0.5], [0.9, 0.1]], [[0.3, 0.7]]], "seed": 3}
            """;
    }

    private static (int Exit, string Output, string Error) Run(string problem, string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgemoe-{problem}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return CliRunner.Run("solve", problem, "--input", path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
