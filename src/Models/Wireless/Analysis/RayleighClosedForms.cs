namespace EdgeMoE.Models.Wireless.Analysis;

/// <summary>
/// Closed forms of a Rayleigh-faded link with mean SNR ρ (linear, &gt; 0): the instantaneous SNR γ is exponential with mean ρ.
/// </summary>
public static class RayleighClosedForms
{
    /// <summary>Ergodic spectral efficiency E[log2(1 + γ)] = e^{1/ρ}·E1(1/ρ)/ln 2 (bit/s/Hz).</summary>
    public static double MeanSpectralEfficiency(double meanSnr) =>
        ExponentialIntegral.ScaledE1(1 / Positive(meanSnr)) / Math.Log(2);

    /// <summary>Average BPSK bit-error rate E[Q(√(2γ))] = ½·(1 − √(ρ/(1 + ρ))).</summary>
    public static double BpskBitErrorRate(double meanSnr)
    {
        var rho = Positive(meanSnr);
        return 0.5 * (1 - Math.Sqrt(rho / (1 + rho)));
    }

    /// <summary>Outage probability P(γ &lt; γ_th) = 1 − e^{−γ_th/ρ} for threshold <paramref name="thresholdSnr"/> (linear, ≥ 0).</summary>
    public static double OutageProbability(double meanSnr, double thresholdSnr) =>
        1 - Math.Exp(-thresholdSnr / Positive(meanSnr));

    private static double Positive(double meanSnr) => meanSnr > 0 && double.IsFinite(meanSnr)
        ? meanSnr
        : throw new ArgumentOutOfRangeException(nameof(meanSnr), meanSnr, "The mean SNR must be positive and finite (linear).");
}
