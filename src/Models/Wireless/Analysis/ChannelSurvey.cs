using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Models.Wireless.Analysis;

/// <summary>
/// Sample statistics of a channel over many slots, pooled over all its links and subcarriers: what a user
/// checks before a long run, and what the closed forms of <see cref="RayleighClosedForms"/> predict for Rayleigh links.
/// </summary>
/// <param name="Samples">Number of (slot, link, subcarrier) gains pooled.</param>
/// <param name="MeanSpectralEfficiency">Mean of log2(1 + γ) (bit/s/Hz).</param>
/// <param name="BpskBitErrorRate">Mean of the BPSK bit-error rate at γ, Q(√(2γ)).</param>
/// <param name="OutageProbability">Fraction of samples with γ &lt; γ_th.</param>
/// <param name="MeanSnr">Mean of γ (linear).</param>
public sealed record ChannelSurvey(long Samples, double MeanSpectralEfficiency, double BpskBitErrorRate, double OutageProbability, double MeanSnr)
{
    /// <summary>
    /// Surveys <paramref name="slots"/> slots of <paramref name="channel"/>: its current slot, then <paramref name="slots"/> − 1 advances.
    /// γ = H·P0/N0 from <paramref name="budget"/>; outage below <paramref name="outageThresholdSnr"/> (linear).
    /// </summary>
    public static ChannelSurvey Run(OfdmaChannel channel, OfdmaLinkBudget budget, int slots, double outageThresholdSnr)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        double spectral = 0, ber = 0, snrSum = 0;
        long outages = 0, samples = 0;
        for (var slot = 0; slot < slots; slot++)
        {
            var gains = slot == 0 ? channel.Current.Actual : channel.Advance().Actual;
            foreach (var gain in gains.All)
            {
                var snr = budget.Snr(gain);
                spectral += Math.Log2(1 + snr);
                ber += BitErrorRate.Of(Modulation.Bpsk, snr);
                snrSum += snr;
                outages += snr < outageThresholdSnr ? 1 : 0;
                samples++;
            }
        }

        return new ChannelSurvey(samples, spectral / samples, ber / samples, (double)outages / samples, snrSum / samples);
    }
}
