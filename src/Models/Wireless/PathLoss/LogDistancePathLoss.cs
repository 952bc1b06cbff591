namespace EdgeMoE.Models.Wireless.PathLoss;

/// <summary>
/// Log-distance path loss: L(d) = L0 + 10·n·log10(d / d0) dB for d ≥ d0 (distances below d0 get L0,
/// the model is not meant for the near field). The mean power gain of a link is 10^(−L/10).
/// </summary>
/// <param name="ReferenceLossDb">L0, loss at the reference distance (dB, ≥ 0 in practice).</param>
/// <param name="ReferenceDistanceMeters">d0 (m, &gt; 0).</param>
/// <param name="Exponent">n, path-loss exponent (2 in free space, 2.7–4 in urban cells; ≥ 0).</param>
public sealed record LogDistancePathLoss(double ReferenceLossDb, double ReferenceDistanceMeters, double Exponent)
{
    /// <summary>Path loss at <paramref name="distanceMeters"/> (dB).</summary>
    public double LossDb(double distanceMeters)
    {
        Validate(distanceMeters);
        var ratio = Math.Max(distanceMeters, ReferenceDistanceMeters) / ReferenceDistanceMeters;
        return ReferenceLossDb + (10 * Exponent * Math.Log10(ratio));
    }

    /// <summary>Mean power gain Ω = 10^(−L(d)/10) of a link of length <paramref name="distanceMeters"/> (dimensionless, in (0, 1] for L ≥ 0).</summary>
    public double MeanGain(double distanceMeters) => Decibels.ToLinear(-LossDb(distanceMeters));

    private void Validate(double distanceMeters)
    {
        if (!(ReferenceDistanceMeters > 0) || !double.IsFinite(ReferenceDistanceMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(ReferenceDistanceMeters), ReferenceDistanceMeters, "The reference distance must be positive and finite.");
        }

        if (!(Exponent >= 0) || !double.IsFinite(Exponent) || !double.IsFinite(ReferenceLossDb))
        {
            throw new ArgumentOutOfRangeException(nameof(Exponent), Exponent, "The exponent must be finite and ≥ 0, the reference loss finite.");
        }

        if (!(distanceMeters > 0) || !double.IsFinite(distanceMeters))
        {
            throw new ArgumentOutOfRangeException(nameof(distanceMeters), distanceMeters, "The distance must be positive and finite.");
        }
    }
}
