namespace EdgeMoE.Policies.Routing;

/// <summary>
/// Seeded synthetic slots at the paper's physics (section IV): τ = 1 s, c = 1e7 cycles/token, f_max = 3 GHz,
/// ξ = 2e-27, E_max ∈ [3, 15] J, E_avg ∈ [1.5, 9.5] J, V = 50, μ = 1; backlogs as in a loaded mid-run slot
/// (Q ∈ [0, 200) tokens, Z ∈ [0, 20) J) and gating scores uniform in [0, 1]. For benchmarks and tests.
/// </summary>
public static class SyntheticSlots
{
    /// <summary>A slot of <paramref name="experts"/> experts, <paramref name="tokens"/> tokens and K = <paramref name="k"/>.</summary>
    public static SlotInstance PaperScale(Random random, int experts = 10, int tokens = 390, int k = 3)
    {
        ArgumentNullException.ThrowIfNull(random);
        var states = new ExpertState[experts];
        for (var j = 0; j < experts; j++)
        {
            states[j] = new ExpertState(
                TokenBacklog: random.Next(0, 200),
                EnergyBacklog: random.NextDouble() * 20,
                MaxFrequencyHz: 3e9,
                SwitchedCapacitance: 2e-27,
                MaxEnergyJoules: 3 + (12 * random.NextDouble()),
                AverageEnergyJoules: 1.5 + (8 * random.NextDouble()));
        }

        var scores = new double[tokens * experts];
        for (var n = 0; n < scores.Length; n++)
        {
            scores[n] = random.NextDouble();
        }

        return new SlotInstance(50, 1.0, k, 1.0, 1e7, states, new GatingScores(tokens, experts, scores));
    }
}
