namespace EdgeMoE.Models.Wireless;

/// <summary>
/// OFDMA rate and energy of the JESA paper (eqs. 1–3). Bandwidths in Hz, powers in W (per subcarrier),
/// power gains dimensionless, rates in bit/s, sizes in bits, energies in joules, times in seconds.
/// </summary>
public static class Ofdma
{
    /// <summary>Achievable rate on one subcarrier, r = B0·log2(1 + H·P0/N0) (eq. 1), bit/s.</summary>
    public static double SubcarrierRate(double spacingHz, double powerGain, double powerW, double noiseW) =>
        spacingHz * Math.Log2(1 + (powerGain * powerW / noiseW));

    /// <summary>Rate of a link over its assigned subcarriers, R = Σ_m β_m·r_m (eq. 2), bit/s.</summary>
    public static double LinkRate(double spacingHz, ReadOnlySpan<double> assignedGains, double powerW, double noiseW)
    {
        var rate = 0.0;
        foreach (var gain in assignedGains)
        {
            rate += SubcarrierRate(spacingHz, gain, powerW, noiseW);
        }

        return rate;
    }

    /// <summary>Time to send <paramref name="bits"/> at rate R, s/R (seconds); infinite when R = 0 and bits &gt; 0.</summary>
    public static double TransmissionSeconds(double bits, double rateBitsPerSecond) =>
        bits <= 0 ? 0 : rateBitsPerSecond > 0 ? bits / rateBitsPerSecond : double.PositiveInfinity;

    /// <summary>
    /// Energy of sending <paramref name="bits"/> over a link using <paramref name="subcarriers"/> subcarriers
    /// of power P0 each at total rate R: (s/R)·n·P0 (eq. 3), joules.
    /// </summary>
    public static double CommunicationEnergy(double bits, double rateBitsPerSecond, int subcarriers, double powerW) =>
        bits <= 0 ? 0 : TransmissionSeconds(bits, rateBitsPerSecond) * subcarriers * powerW;
}
