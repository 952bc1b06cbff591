namespace EdgeMoE.Models.Compute;

/// <summary>The hardware and budget of one Stable-MoE edge server.</summary>
/// <param name="CyclesPerToken">c, CPU cycles to process one token (&gt; 0).</param>
/// <param name="SwitchedCapacitance">ξ, effective switched capacitance: d tokens at f Hz cost E = ξ·c·d·f² joules (≥ 0).</param>
/// <param name="SlotSeconds">τ, slot length (s, &gt; 0).</param>
/// <param name="MaxFrequencyHz">f_max, highest CPU frequency (Hz, ≥ 0).</param>
/// <param name="EnergyCapJoules">E_max, most energy the server may spend in one slot (J, ≥ 0).</param>
/// <param name="AverageEnergyBudgetJoules">E_avg, long-term energy budget per slot that drains the energy queue (eq. 4) (J, ≥ 0).</param>
public sealed record ServerProfile(
    double CyclesPerToken,
    double SwitchedCapacitance,
    double SlotSeconds,
    double MaxFrequencyHz,
    double EnergyCapJoules,
    double AverageEnergyBudgetJoules)
{
    /// <summary>Throws naming the first parameter that is out of range.</summary>
    public void Validate()
    {
        Require(CyclesPerToken > 0 && double.IsFinite(CyclesPerToken), nameof(CyclesPerToken), CyclesPerToken, "must be positive and finite");
        Require(SwitchedCapacitance >= 0 && double.IsFinite(SwitchedCapacitance), nameof(SwitchedCapacitance), SwitchedCapacitance, "must be finite and ≥ 0");
        Require(SlotSeconds > 0 && double.IsFinite(SlotSeconds), nameof(SlotSeconds), SlotSeconds, "must be positive and finite");
        Require(MaxFrequencyHz >= 0 && double.IsFinite(MaxFrequencyHz), nameof(MaxFrequencyHz), MaxFrequencyHz, "must be finite and ≥ 0");
        Require(EnergyCapJoules >= 0, nameof(EnergyCapJoules), EnergyCapJoules, "must be ≥ 0 (may be infinite)");
        Require(AverageEnergyBudgetJoules >= 0 && double.IsFinite(AverageEnergyBudgetJoules), nameof(AverageEnergyBudgetJoules), AverageEnergyBudgetJoules, "must be finite and ≥ 0");
    }

    private static void Require(bool ok, string name, double value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} {rule}.");
        }
    }
}
