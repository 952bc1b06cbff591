namespace EdgeMoE.Policies.Lyapunov;

/// <summary>The exact solver Stable-MoE uses for the token-to-expert b-matching of P1.</summary>
public enum P1Solver
{
    /// <summary>OR-Tools' SimpleMinCostFlow on integer-scaled costs (<see cref="Assignment.ConcaveFlowMatching"/>).</summary>
    MinCostFlow,

    /// <summary>Our successive shortest paths on the collapsed expert graph (<see cref="Assignment.ConcaveBMatching"/>).</summary>
    ExchangeSearch,
}
