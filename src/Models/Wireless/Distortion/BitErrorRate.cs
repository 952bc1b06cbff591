using MathNet.Numerics;

namespace EdgeMoE.Models.Wireless.Distortion;

/// <summary>
/// Exact bit-error rates of Gray-mapped modulations over AWGN at instantaneous symbol SNR γ = Es/N0
/// (for a faded link, γ = H·P0/N0 of the slot). Q(x) = ½·erfc(x/√2).
/// </summary>
public static class BitErrorRate
{
    /// <summary>Bits carried by one symbol of <paramref name="modulation"/>.</summary>
    public static int BitsPerSymbol(Modulation modulation) => modulation switch
    {
        Modulation.Bpsk => 1,
        Modulation.Qpsk => 2,
        Modulation.Qam16 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(modulation), modulation, "Unknown modulation."),
    };

    /// <summary>Average bit-error probability of <paramref name="modulation"/> at symbol SNR <paramref name="snr"/> (linear, ≥ 0), in [0, ½].</summary>
    public static double Of(Modulation modulation, double snr)
    {
        if (!(snr >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(snr), snr, "The SNR must be ≥ 0 (linear).");
        }

        return modulation switch
        {
            // BPSK: Q(√(2γ)).
            Modulation.Bpsk => 0.5 * SpecialFunctions.Erfc(Math.Sqrt(snr)),
            // Gray QPSK is two BPSK streams at half the symbol energy each: Q(√γ).
            Modulation.Qpsk => Q(Math.Sqrt(snr)),
            // Gray 16-QAM, per-dimension 4-PAM with a = d/σ = √(γ/5): the sign bit errs with (Q(a)+Q(3a))/2,
            // the inner/outer bit with (2Q(a)+Q(3a)−Q(5a))/2; averaged over both bits.
            Modulation.Qam16 => Qam16(Math.Sqrt(snr / 5)),
            _ => throw new ArgumentOutOfRangeException(nameof(modulation), modulation, "Unknown modulation."),
        };
    }

    /// <summary>Gaussian tail Q(x) = P(N(0,1) &gt; x).</summary>
    public static double Q(double x) => 0.5 * SpecialFunctions.Erfc(x / Math.Sqrt(2));

    private static double Qam16(double a) => ((3 * Q(a)) + (2 * Q(3 * a)) - Q(5 * a)) / 4;
}
