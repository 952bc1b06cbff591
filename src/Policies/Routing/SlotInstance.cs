namespace EdgeMoE.Policies.Routing;

/// <summary>
/// Everything a routing policy needs to decide one slot of Stable-MoE (problem P1, paper eqs. 13–15).
/// </summary>
/// <param name="TradeOff">V: the Lyapunov penalty weight (≥ 0).</param>
/// <param name="GatingWeight">μ: weight of gating consistency against throughput (≥ 0).</param>
/// <param name="ExpertsPerToken">K: experts each token asks for (≥ 1); a token gets min(K, available experts).</param>
/// <param name="SlotSeconds">τ: slot duration (seconds, &gt; 0).</param>
/// <param name="CyclesPerToken">c: CPU cycles to compute one token (&gt; 0).</param>
/// <param name="Experts">The J experts' states.</param>
/// <param name="Scores">The gating scores of this slot's tokens, tokens × J.</param>
public sealed record SlotInstance(
    double TradeOff,
    double GatingWeight,
    int ExpertsPerToken,
    double SlotSeconds,
    double CyclesPerToken,
    IReadOnlyList<ExpertState> Experts,
    GatingScores Scores)
{
    /// <summary>Number of tokens that arrived in this slot.</summary>
    public int TokenCount => Scores.Tokens;

    /// <summary>Number of experts J.</summary>
    public int ExpertCount => Experts.Count;

    /// <summary>Experts every token must be routed to: min(K, number of available experts).</summary>
    public int ExpertsPerTokenServed => Math.Min(ExpertsPerToken, AvailableCount);

    /// <summary>Number of available experts.</summary>
    public int AvailableCount
    {
        get
        {
            var count = 0;
            foreach (var expert in Experts)
            {
                count += expert.Available ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>Indices of the available experts, ascending.</summary>
    public int[] AvailableExperts()
    {
        var result = new List<int>(Experts.Count);
        for (var j = 0; j < Experts.Count; j++)
        {
            if (Experts[j].Available)
            {
                result.Add(j);
            }
        }

        return [.. result];
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent field.</summary>
    public void Validate()
    {
        Require(double.IsFinite(TradeOff) && TradeOff >= 0, nameof(TradeOff), "must be finite and ≥ 0");
        Require(double.IsFinite(GatingWeight) && GatingWeight >= 0, nameof(GatingWeight), "must be finite and ≥ 0");
        Require(ExpertsPerToken >= 1, nameof(ExpertsPerToken), "must be ≥ 1");
        Require(double.IsFinite(SlotSeconds) && SlotSeconds > 0, nameof(SlotSeconds), "must be finite and > 0");
        Require(double.IsFinite(CyclesPerToken) && CyclesPerToken > 0, nameof(CyclesPerToken), "must be finite and > 0");
        Require(Scores.Experts == Experts.Count, nameof(Scores), $"must have {Experts.Count} columns, got {Scores.Experts}");
        for (var j = 0; j < Experts.Count; j++)
        {
            var e = Experts[j];
            Require(e.TokenBacklog >= 0, $"Experts[{j}].TokenBacklog", "must be ≥ 0");
            Require(double.IsFinite(e.EnergyBacklog) && e.EnergyBacklog >= 0, $"Experts[{j}].EnergyBacklog", "must be finite and ≥ 0");
            Require(double.IsFinite(e.MaxFrequencyHz) && e.MaxFrequencyHz >= 0, $"Experts[{j}].MaxFrequencyHz", "must be finite and ≥ 0");
            Require(double.IsFinite(e.SwitchedCapacitance) && e.SwitchedCapacitance >= 0, $"Experts[{j}].SwitchedCapacitance", "must be finite and ≥ 0");
            Require(double.IsFinite(e.MaxEnergyJoules) && e.MaxEnergyJoules >= 0, $"Experts[{j}].MaxEnergyJoules", "must be finite and ≥ 0");
            Require(double.IsFinite(e.AverageEnergyJoules) && e.AverageEnergyJoules >= 0, $"Experts[{j}].AverageEnergyJoules", "must be finite and ≥ 0");
        }
    }

    private static void Require(bool condition, string field, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field} {what}", field);
        }
    }
}
