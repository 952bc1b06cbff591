using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Distortion;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Actors.Edge.Channels;

/// <summary>One router↔server link: its OFDMA subcarriers, fading and how tensors are carried.</summary>
/// <param name="Subcarriers">Subcarriers M_j the link owns (≥ 1).</param>
/// <param name="Budget">Subcarrier spacing B0 (Hz), transmit power P0 (W) and noise N0 (W) per subcarrier.</param>
/// <param name="MeanGain">Mean power gain of every subcarrier, so that the mean SNR is MeanGain·P0/N0 (linear).</param>
/// <param name="Fading">Small-scale fading of each subcarrier, redrawn (or correlated) slot by slot.</param>
/// <param name="Transmission">Analog or digital distortion of tensors in transit; null carries them exactly as float32.</param>
/// <param name="Slowdowns">Windows of slots in which the link runs at a fraction of its rate (slow-link failures); null for none.</param>
public sealed record LinkSettings(
    int Subcarriers, OfdmaLinkBudget Budget, double MeanGain, SmallScaleFading Fading, IHiddenStateTransmission? Transmission, RateWindow[]? Slowdowns = null)
{
    /// <summary>The factor the link's rate is multiplied by in <paramref name="slot"/>: the product of the windows covering it (1 for none).</summary>
    public double RateFactor(long slot)
    {
        var factor = 1.0;
        foreach (var window in Slowdowns ?? [])
        {
            if (slot >= window.FromSlot && slot < window.UntilSlot)
            {
                factor *= window.Factor;
            }
        }

        return factor;
    }

    /// <summary>Bits per element of an undistorted float32 tensor.</summary>
    public const int ExactBitsPerElement = 32;

    /// <summary>Bits a tensor of <paramref name="elements"/> elements occupies on the link.</summary>
    public long PayloadBits(int elements) => Transmission?.PayloadBits(elements) ?? (long)ExactBitsPerElement * elements;
}
