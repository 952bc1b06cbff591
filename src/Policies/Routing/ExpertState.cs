namespace EdgeMoE.Policies.Routing;

/// <summary>
/// What a routing policy sees of one edge server (expert j) at the start of a slot.
/// </summary>
/// <param name="TokenBacklog">Q_j: tokens waiting in the server's queue (≥ 0).</param>
/// <param name="EnergyBacklog">Z_j: the virtual energy queue (joules, ≥ 0).</param>
/// <param name="MaxFrequencyHz">f_max_j: the highest CPU frequency (Hz, ≥ 0).</param>
/// <param name="SwitchedCapacitance">ξ_j: effective switched capacitance (≥ 0, e.g. 2e-27).</param>
/// <param name="MaxEnergyJoules">E_max_j: the per-slot energy cap (joules, ≥ 0).</param>
/// <param name="AverageEnergyJoules">E_avg_j: the long-term average energy budget per slot (joules, ≥ 0).</param>
/// <param name="Available">False for a crashed or excluded server: it receives no tokens and computes nothing (f = 0).</param>
public sealed record ExpertState(
    long TokenBacklog,
    double EnergyBacklog,
    double MaxFrequencyHz,
    double SwitchedCapacitance,
    double MaxEnergyJoules,
    double AverageEnergyJoules,
    bool Available = true);
