namespace EdgeMoE.Policies.Routing;

/// <summary>
/// A policy's decision for one slot and what it leads to under paper eqs. 1 and 3, with the P1 objective (eq. 13).
/// Build it with <see cref="SlotObjective.Decide"/> so every policy is scored by the same evaluator.
/// </summary>
/// <param name="Routing">Per token, the experts it is routed to (ascending expert indices).</param>
/// <param name="FrequencyHz">f_j per expert (Hz); 0 for unavailable experts.</param>
/// <param name="Routed">d_rou_j: tokens routed to expert j this slot.</param>
/// <param name="Completed">d_com_j = min(Q_j + d_rou_j, ⌊τ·f_j/c⌋) (eq. 1).</param>
/// <param name="EnergyJoules">E_j = ξ_j·c·d_com_j·f_j² (eq. 3), joules.</param>
/// <param name="Objective">The P1 value V·Γ_u − Γ_p (eqs. 13–15).</param>
/// <param name="CompletionCap">
/// Per expert, the most tokens it may complete (eq. 1 becomes min(Q + d_rou, ⌊τ·f/c⌋, cap)); null when only eq. 1
/// limits completions. Set by the <c>fixed-max</c> baselines, whose servers stop once E_max is spent.
/// </param>
public sealed record RoutingDecision(
    IReadOnlyList<int[]> Routing,
    double[] FrequencyHz,
    long[] Routed,
    long[] Completed,
    double[] EnergyJoules,
    double Objective,
    long[]? CompletionCap = null);
