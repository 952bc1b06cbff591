using System.Text.Json;
using EdgeMoE.Host.Cli;
using EdgeMoE.Policies.Lyapunov;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Tests.Solve;

public sealed class StableMoeSolverTests
{
    private const string Expert = """{"Q": 12, "Z": 3.5, "f_max": 3e9, "xi": 2e-27, "E_max": 10, "E_avg": 5, "available": true}""";

    private static readonly string Instance =
        $$"""{"V": 50, "mu": 1.0, "K": 2, "tau": 1.0, "cycles_per_token": 1e7, "experts": [{{Expert}}, {{Expert}}, {{Expert.Replace("\"Q\": 12", "\"Q\": 0")}}], "scores": [[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4]], "seed": 1}""";

    private static (int ExitCode, string Out, string Error) Solve(string policy, string stdin)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = EdgeMoeCli.Run(["solve", policy, "--input", "-"], new CliConsole(output, error, new StringReader(stdin)));
        return (exit, output.ToString(), error.ToString());
    }

    public static TheoryData<string> Policies() => [.. RoutingPolicyCatalog.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_policy_prints_a_feasible_decision_with_all_fields(string policy)
    {
        var (exit, output, error) = Solve(policy, Instance);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var routing = root.GetProperty("routing").EnumerateArray().Select(r => r.EnumerateArray().Select(j => j.GetInt32()).ToArray()).ToArray();
        Assert.Equal(3, routing.Length);
        Assert.All(routing, route => Assert.Equal(2, route.Distinct().Count()));
        foreach (var field in new[] { "frequency_hz", "routed", "completed", "energy_j" })
        {
            Assert.Equal(3, root.GetProperty(field).GetArrayLength());
        }

        Assert.Equal(6, root.GetProperty("routed").EnumerateArray().Sum(r => r.GetInt64()));
        Assert.True(root.GetProperty("objective").GetDouble() is var objective && double.IsFinite(objective));
        Assert.True(root.GetProperty("solve_ms").GetDouble() >= 0);
    }

    [Fact]
    public void Stable_moe_prints_the_policy_decision_and_its_objective()
    {
        var (exit, output, _) = Solve("stable-moe", Instance);
        Assert.Equal(0, exit);
        var expert = new ExpertState(12, 3.5, 3e9, 2e-27, 10, 5);
        var slot = new SlotInstance(50, 1, 2, 1, 1e7, [expert, expert, expert with { TokenBacklog = 0 }],
            new GatingScores(3, 3, [0.1, 0.7, 0.2, 0.5, 0.3, 0.2, 0.3, 0.3, 0.4]));
        var expected = new StableMoePolicy().Decide(slot, new Random(1));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(expected.Objective, json.RootElement.GetProperty("objective").GetDouble());
        Assert.Equal(expected.FrequencyHz, json.RootElement.GetProperty("frequency_hz").EnumerateArray().Select(f => f.GetDouble()));
    }

    [Fact]
    public void An_array_input_gives_an_array_output_in_the_same_order_and_a_file_input_works()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgemoe-stablemoe-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $"[{Instance}, {Instance.Replace("\"K\": 2", "\"K\": 5")}]");
        try
        {
            var (exit, output, error) = CliRunner.Run("solve", "top-k", "--input", path);
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            var results = json.RootElement.EnumerateArray().ToArray();
            Assert.Equal(2, results.Length);
            Assert.Equal(2, results[0].GetProperty("routing")[0].GetArrayLength());
            Assert.Equal(3, results[1].GetProperty("routing")[0].GetArrayLength()); // K = 5 > J = 3: all three experts
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_random_policy_is_reproducible_from_the_seed()
    {
        static string Routing(string output) => JsonDocument.Parse(output).RootElement.GetProperty("routing").GetRawText();
        var many = Instance.Replace("\"K\": 2", "\"K\": 1");
        Assert.Equal(Routing(Solve("random", many).Out), Routing(Solve("random", many).Out));
    }

    [Theory]
    [InlineData("{\"V\": 50,", "<stdin>:1:")]
    [InlineData("[{\"V\": 1}]", "instance 0: field 'mu' is missing")]
    [InlineData("FIELD:\"K\": 2|\"K\": 0", "field 'K' must be in [1, 2147483647], got 0")]
    [InlineData("FIELD:\"V\": 50|\"V\": -1", "field 'V' must be ≥ 0, got -1")]
    [InlineData("FIELD:\"tau\": 1.0|\"tau\": 0", "field 'tau' must be > 0")]
    [InlineData("FIELD:\"E_max\": 10|\"E_max\": -10", "field 'experts[0].E_max' must be ≥ 0, got -10")]
    [InlineData("FIELD:\"Q\": 12|\"Q\": 1.5", "field 'experts[0].Q' must be a whole number of tokens")]
    [InlineData("FIELD:[0.5, 0.3, 0.2]|[0.5, 0.3]", "field 'scores[1]' must have 3 entries, got 2")]
    [InlineData("FIELD:[0.1, 0.7, 0.2]|[0.1, 0.7]", "field 'scores[0]' must have 3 entries, got 2")]
    [InlineData("FIELD:[0.3, 0.3, 0.4]|[0.3, -0.3, 0.4]", "field 'scores[2][1]' must be ≥ 0")]
    [InlineData("FIELD:\"available\": true|\"available\": 1", "field 'experts[0].available' must be true or false, got the number 1")]
    public void Bad_input_exits_with_2_and_names_the_instance_and_field(string input, string message)
    {
        string text;
        if (input.StartsWith("FIELD:", StringComparison.Ordinal))
        {
            var parts = input["FIELD:".Length..].Split('|');
            var index = Instance.IndexOf(parts[0], StringComparison.Ordinal);
            text = "[" + Instance + ", " + Instance[..index] + parts[1] + Instance[(index + parts[0].Length)..] + "]";
            message = "instance 1: " + message;
        }
        else
        {
            text = input;
        }

        var (exit, output, error) = Solve("stable-moe", text);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }
}
