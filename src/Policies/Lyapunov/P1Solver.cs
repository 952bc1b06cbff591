namespace EdgeMoE.Policies.Lyapunov;

/// <summary>The exact solver Stable-MoE uses for the token-to-expert b-matching of P1.</summary>
public enum P1Solver
{
    /// <summary>OR-Tools' SimpleMinCostFlow on integer-scaled costs (<see cref="Assignment.ConcaveFlowMatching"/>): the tests' oracle.</summary>
    MinCostFlow,

    /// <summary>
    /// Our successive shortest paths on the collapsed expert graph (<see cref="Assignment.ConcaveBMatching"/>): the default,
    /// measured faster than OR-Tools at every size (see <see cref="StableMoePolicy"/>).
    /// </summary>
    ExchangeSearch,
}
