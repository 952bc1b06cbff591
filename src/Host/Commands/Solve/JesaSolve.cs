using System.Text.Json;
using EdgeMoE.Policies.Jesa;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// <c>edgemoe solve jesa</c>: joint expert and subcarrier allocation (JESA Algorithm 2) for one round.
/// In: experts K, subcarriers M, bandwidth_hz, power_w, noise_w, hidden_state_bits, compute_j_per_token [K],
/// gains [K][K][M], threshold, max_experts, scores [K][N_i][K], seed.
/// Out: selection [K][N_i][...], subcarrier_of_link [K][K], energy_comm_j, energy_comp_j, iterations, solve_ms.
/// </summary>
internal sealed class JesaSolve : JsonSolver<(JesaProblem Problem, int Seed), JesaSolution>
{
    protected override string Name => "jesa";

    protected override string Description => "Joint expert and subcarrier allocation (JESA Algorithm 2) for one round.";

    protected override JesaSolution Solve((JesaProblem Problem, int Seed) input, JsonInstance instance)
    {
        try
        {
            return JesaSolver.Solve(input.Problem, input.Seed);
        }
        catch (InsufficientSubcarriersException ex)
        {
            throw instance.Error("subcarriers", $"is too small: {ex.Message}");
        }
    }

    protected override (JesaProblem Problem, int Seed) Read(JsonInstance instance)
    {
        var k = instance.Integer("experts", min: 1);
        var m = instance.Integer("subcarriers", min: 1);
        var spacing = instance.PositiveNumber("bandwidth_hz");
        var power = instance.PositiveNumber("power_w");
        var noise = instance.PositiveNumber("noise_w");
        var bits = instance.PositiveNumber("hidden_state_bits");
        var compute = instance.Numbers("compute_j_per_token", k, min: 0);
        var threshold = instance.Number("threshold");
        var maxExperts = instance.Integer("max_experts", min: 1);
        var seed = instance.IntegerOr("seed", 1);

        var gains = new double[k][][];
        var gainRows = instance.Array("gains", k);
        for (var i = 0; i < k; i++)
        {
            var to = instance.ArrayOf(gainRows[i], $"gains[{i}]", k);
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
            var states = instance.ArrayOf(scoreRows[i], $"scores[{i}]");
            scores[i] = new double[states.Length][];
            for (var n = 0; n < states.Length; n++)
            {
                scores[i][n] = instance.NumbersOf(states[n], $"scores[{i}][{n}]", k, min: 0);
            }
        }

        var network = JesaNetwork.FromGains(spacing, power, noise, gains, bits, compute);
        return (new JesaProblem(network, scores, threshold, maxExperts), seed);
    }

    protected override void Write(Utf8JsonWriter writer, JesaSolution solution, TimeSpan elapsed)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("selection");
        foreach (var states in solution.Selection)
        {
            writer.WriteStartArray();
            foreach (var chosen in states)
            {
                writer.WriteNumbers(chosen);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("subcarrier_of_link");
        foreach (var row in solution.SubcarrierOfLink)
        {
            writer.WriteNumbers(row);
        }

        writer.WriteEndArray();
        writer.WriteNumber("energy_comm_j", solution.EnergyCommJ);
        writer.WriteNumber("energy_comp_j", solution.EnergyCompJ);
        writer.WriteNumber("iterations", solution.Iterations);
        writer.WriteNumber("solve_ms", elapsed.TotalMilliseconds);
        writer.WriteEndObject();
    }
}
