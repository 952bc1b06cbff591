namespace EdgeMoE.Models.Wireless.Csi;

/// <summary>
/// How well the transmitter knows the channel. The estimate of a coefficient is ĝ(t) = g(t − k) + e with
/// e ~ CN(0, σ_e²) on the unit-power coefficient, so the estimated power gain is Ω·|ĝ|².
/// Before slot k the oldest known slot (slot 0) stands in for g(t − k).
/// </summary>
/// <param name="StalenessSlots">k, age of the CSI in slots (≥ 0; 0 = current).</param>
/// <param name="ErrorVariance">σ_e², variance of the estimation error relative to the unit mean power (≥ 0; 0 = exact).</param>
public sealed record CsiModel(int StalenessSlots = 0, double ErrorVariance = 0)
{
    /// <summary>Perfect CSI: current and exact.</summary>
    public static CsiModel Perfect { get; } = new();

    /// <summary>Exact CSI that is <paramref name="slots"/> slots old.</summary>
    public static CsiModel Stale(int slots) => new(StalenessSlots: slots);

    /// <summary>Current CSI with Gaussian estimation error of variance <paramref name="variance"/>.</summary>
    public static CsiModel Noisy(double variance) => new(ErrorVariance: variance);

    /// <summary>True when the estimate equals the channel.</summary>
    public bool IsPerfect => StalenessSlots == 0 && ErrorVariance == 0;

    /// <summary>Throws when k or σ_e² is out of range.</summary>
    public void Validate()
    {
        if (StalenessSlots < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StalenessSlots), StalenessSlots, "The CSI staleness must be ≥ 0 slots.");
        }

        if (!(ErrorVariance >= 0) || !double.IsFinite(ErrorVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorVariance), ErrorVariance, "The CSI error variance must be finite and ≥ 0.");
        }
    }
}
