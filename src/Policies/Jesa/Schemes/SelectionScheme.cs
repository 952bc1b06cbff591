using EdgeMoE.Policies.Jesa.Allocation;
using EdgeMoE.Policies.Jesa.Selection;

namespace EdgeMoE.Policies.Jesa.Schemes;

/// <summary>An expert-and-subcarrier allocation scheme of the paper's experiments, applied layer by layer.</summary>
public abstract record SelectionScheme
{
    /// <summary>Allocates one round at <paramref name="layer"/> (≥ 1) for hidden states <paramref name="scores"/> [i][n][j].</summary>
    public abstract JesaSolution Solve(JesaNetwork network, double[][][] scores, int layer, int seed);
}

/// <summary>JESA(γ0, D): Algorithm 2 with threshold z·γ0^l.</summary>
public sealed record JesaScheme(double Gamma0, int MaxExperts, double Z = 1.0) : SelectionScheme
{
    /// <inheritdoc />
    public override JesaSolution Solve(JesaNetwork network, double[][][] scores, int layer, int seed) =>
        JesaSolver.Solve(new JesaProblem(network, scores, QosSchedule.Layered(Gamma0, layer, Z), MaxExperts), seed);
}

/// <summary>H(z, D): Algorithm 2 with the threshold z at every layer.</summary>
public sealed record HomogeneousScheme(double Z, int MaxExperts) : SelectionScheme
{
    /// <inheritdoc />
    public override JesaSolution Solve(JesaNetwork network, double[][][] scores, int layer, int seed) =>
        JesaSolver.Solve(new JesaProblem(network, scores, QosSchedule.Homogeneous(Z), MaxExperts), seed);
}

/// <summary>Top-k: the k highest scores for every hidden state (ties: lower index), then the optimal subcarriers.</summary>
public sealed record TopKScheme(int K) : SelectionScheme
{
    /// <inheritdoc />
    public override JesaSolution Solve(JesaNetwork network, double[][][] scores, int layer, int seed)
    {
        var problem = new JesaProblem(network, scores, 0, Math.Max(K, 1));
        problem.Validate();
        var experts = network.Experts;
        var noEnergy = new double[experts];
        var selection = scores.Select(states => states.Select(g => TopScoringExperts.Select(g, noEnergy, K, positiveOnly: false)).ToArray()).ToArray();
        var traffic = RoundEnergy.Traffic(experts, selection);
        var subcarrierOf = SubcarrierAllocation.ForTraffic(network, traffic);
        var (comm, comp) = RoundEnergy.Of(network, traffic, (i, j) => network.Rate(i, j, subcarrierOf[(i * experts) + j]));
        return new JesaSolution(selection, JesaSolver.Report(experts, traffic, subcarrierOf), comm, comp, 1, true, 0, [comm + comp]);
    }
}

/// <summary>
/// LB(γ0, D): DES with threshold z·γ0^l and every link on its best subcarrier, exclusivity (C3) ignored —
/// a lower bound on the energy of any allocation meeting the same thresholds.
/// </summary>
public sealed record LowerBoundScheme(double Gamma0, int MaxExperts, double Z = 1.0) : SelectionScheme
{
    /// <inheritdoc />
    public override JesaSolution Solve(JesaNetwork network, double[][][] scores, int layer, int seed) =>
        LowerBound.Solve(new JesaProblem(network, scores, QosSchedule.Layered(Gamma0, layer, Z), MaxExperts));
}
