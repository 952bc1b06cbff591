using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>
/// Reads one Stable-MoE slot from a <c>solve</c> instance:
/// <c>{"V", "mu", "K", "tau", "cycles_per_token", "experts": [{"Q", "Z", "f_max", "xi", "E_max", "E_avg", "available"}],
/// "scores": [[g_i1..g_iJ] per token], "seed"}</c>. Errors name the instance index and the field.
/// </summary>
internal static class StableMoeSlotReader
{
    /// <summary>The slot and the seed of the policy's random generator (default 1).</summary>
    public static (SlotInstance Slot, int Seed) Read(JsonInstance json)
    {
        var tradeOff = json.Number("V", min: 0);
        var gatingWeight = json.Number("mu", min: 0);
        var k = json.Integer("K", min: 1);
        var tau = Positive(json, "tau");
        var cycles = Positive(json, "cycles_per_token");
        var expertObjects = json.Objects("experts");
        if (expertObjects.Count == 0)
        {
            throw json.Error("experts", "must hold at least one expert");
        }

        var experts = expertObjects.Select(ReadExpert).ToArray();
        var rows = json.Matrix("scores", columns: experts.Length, min: 0);
        var seed = json.IntegerOr("seed", 1);
        var scores = GatingScores.FromRows(rows, experts.Length);
        return (new SlotInstance(tradeOff, gatingWeight, k, tau, cycles, experts, scores), seed);
    }

    private static ExpertState ReadExpert(JsonInstance expert)
    {
        var backlog = expert.Number("Q", min: 0);
        if (backlog != Math.Floor(backlog) || backlog > long.MaxValue / 4)
        {
            throw expert.Error("Q", $"must be a whole number of tokens, got {backlog.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return new ExpertState(
            TokenBacklog: (long)backlog,
            EnergyBacklog: expert.Number("Z", min: 0),
            MaxFrequencyHz: expert.Number("f_max", min: 0),
            SwitchedCapacitance: expert.Number("xi", min: 0),
            MaxEnergyJoules: expert.Number("E_max", min: 0),
            AverageEnergyJoules: expert.Number("E_avg", min: 0),
            Available: expert.BooleanOr("available", true));
    }

    private static double Positive(JsonInstance json, string field)
    {
        var value = json.Number(field, min: 0);
        return value > 0 ? value : throw json.Error(field, "must be > 0, got 0");
    }
}
