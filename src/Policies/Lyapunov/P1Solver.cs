namespace EdgeMoE.Policies.Lyapunov;

/// <summary>The exact solver Stable-MoE uses for the token-to-expert b-matching of P1.</summary>
public enum P1Solver
{
    /// <summary>
    /// <see cref="MinCostFlow"/> up to <see cref="StableMoePolicy.MinCostFlowMaxPairs"/> token-expert pairs,
    /// <see cref="ExchangeSearch"/> above (measured faster on large slots, see there).
    /// </summary>
    BySize,

    /// <summary>OR-Tools' SimpleMinCostFlow on integer-scaled costs (<see cref="Assignment.ConcaveFlowMatching"/>).</summary>
    MinCostFlow,

    /// <summary>Our successive shortest paths on the collapsed expert graph (<see cref="Assignment.ConcaveBMatching"/>).</summary>
    ExchangeSearch,
}
