using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using EdgeMoE.Host.Cli;
using EdgeMoE.Policies.Jesa;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve jesa</c>: joint expert and subcarrier allocation (JESA Algorithm 2) for one round.
/// In: experts K, subcarriers M, bandwidth_hz, power_w, noise_w, hidden_state_bits, compute_j_per_token [K],
/// gains [K][K][M], threshold, max_experts, scores [K][N_i][K], seed.
/// Out: selection [K][N_i][...], subcarrier_of_link [K][K], energy_comm_j, energy_comp_j, iterations, solve_ms.
/// </summary>
internal sealed class JesaSolve : ISolver
{
    public Command Build(CliConsole console)
    {
        var input = SolveCommand.InputOption();
        var command = new Command("jesa", "Joint expert and subcarrier allocation (JESA Algorithm 2) for one round.") { input };
        command.SetAction(parse => Execute(console, parse.GetValue(input)!));
        return command;
    }

    private static int Execute(CliConsole console, string path)
    {
        var instances = JsonInstances.Read(path, console.Input);
        var results = new List<(JesaSolution Solution, double Millis)>();
        foreach (var instance in instances.Items)
        {
            var (problem, seed) = Read(instance);
            var clock = Stopwatch.StartNew();
            JesaSolution solution;
            try
            {
                solution = JesaSolver.Solve(problem, seed);
            }
            catch (InsufficientSubcarriersException ex)
            {
                throw instance.Error("subcarriers", $"is too small: {ex.Message}");
            }

            results.Add((solution, clock.Elapsed.TotalMilliseconds));
        }

        JsonResults.Write(console.Out, instances, results, Write);
        return ExitCodes.Success;
    }

    private static (JesaProblem Problem, int Seed) Read(JsonInstance instance)
    {
        var k = instance.Integer("experts", min: 1);
        var m = instance.Integer("subcarriers", min: 1);
        var spacing = Positive(instance, "bandwidth_hz");
        var power = Positive(instance, "power_w");
        var noise = Positive(instance, "noise_w");
        var bits = Positive(instance, "hidden_state_bits");
        var compute = instance.Numbers("compute_j_per_token", k, min: 0);
        var threshold = instance.Number("threshold");
        var maxExperts = instance.Integer("max_experts", min: 1);
        var seed = instance.IntegerOr("seed", 1);

        var gains = new double[k][][];
        var gainRows = instance.Array("gains", k);
        for (var i = 0; i < k; i++)
        {
            var to = Nested(instance, gainRows[i], $"gains[{i}]", k);
            gains[i] = new double[k][];
            for (var j = 0; j < k; j++)
            {
                gains[i][j] = instance.NumbersOf(to[j], $"gains[{i}][{j}]", m, min: 0);
                if (i != j && Array.IndexOf(gains[i][j], 0.0) is var zero and >= 0)
                {
                    throw instance.Error($"gains[{i}][{j}][{zero}]", "must be > 0 on a link between two experts, got 0");
                }
            }
        }

        var scores = new double[k][][];
        var scoreRows = instance.Array("scores", k);
        for (var i = 0; i < k; i++)
        {
            var states = Nested(instance, scoreRows[i], $"scores[{i}]", -1);
            scores[i] = new double[states.Length][];
            for (var n = 0; n < states.Length; n++)
            {
                scores[i][n] = instance.NumbersOf(states[n], $"scores[{i}][{n}]", k, min: 0);
            }
        }

        var network = JesaNetwork.FromGains(spacing, power, noise, gains, bits, compute);
        return (new JesaProblem(network, scores, threshold, maxExperts), seed);
    }

    private static double Positive(JsonInstance instance, string field)
    {
        var value = instance.Number(field);
        return value > 0 ? value : throw instance.Error(field, $"must be > 0, got {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
    }

    private static JsonElement[] Nested(JsonInstance instance, JsonElement element, string field, int length)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw instance.Error(field, $"must be an array, got {JsonInstances.Describe(element)}");
        }

        var items = element.EnumerateArray().ToArray();
        return length < 0 || items.Length == length ? items : throw instance.Error(field, $"must have {length} entries, got {items.Length}");
    }

    private static void Write(Utf8JsonWriter writer, (JesaSolution Solution, double Millis) item)
    {
        var solution = item.Solution;
        writer.WriteStartObject();
        writer.WriteStartArray("selection");
        foreach (var states in solution.Selection)
        {
            writer.WriteStartArray();
            foreach (var chosen in states)
            {
                WriteIntegers(writer, chosen);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("subcarrier_of_link");
        foreach (var row in solution.SubcarrierOfLink)
        {
            WriteIntegers(writer, row);
        }

        writer.WriteEndArray();
        writer.WriteNumber("energy_comm_j", solution.EnergyCommJ);
        writer.WriteNumber("energy_comp_j", solution.EnergyCompJ);
        writer.WriteNumber("iterations", solution.Iterations);
        writer.WriteNumber("solve_ms", item.Millis);
        writer.WriteEndObject();
    }

    private static void WriteIntegers(Utf8JsonWriter writer, int[] values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
