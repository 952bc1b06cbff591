namespace EdgeMoE.Models.Compute;

/// <summary>
/// Computation energy of an expert in JESA (paper eq. 4): linear in the batch size,
/// E = a·n + b for a batch of n hidden states (and 0 when the expert is idle), joules.
/// </summary>
/// <param name="PerTokenJoules">a_j, energy per processed hidden state (J).</param>
/// <param name="FixedJoules">b_j, fixed energy of running a non-empty batch (J).</param>
public sealed record JesaComputeEnergy(double PerTokenJoules, double FixedJoules)
{
    /// <summary>Energy of a batch of <paramref name="hiddenStates"/> hidden states (J).</summary>
    public double Of(int hiddenStates) => hiddenStates <= 0 ? 0 : (PerTokenJoules * hiddenStates) + FixedJoules;
}
