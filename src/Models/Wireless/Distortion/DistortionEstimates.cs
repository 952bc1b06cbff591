using EdgeMoE.Models.Wireless.Channel;

namespace EdgeMoE.Models.Wireless.Distortion;

/// <summary>The per-link distortion variances σ̃² the channel-aware gating network takes beside the features.</summary>
public static class DistortionEstimates
{
    /// <summary>
    /// Writes σ̃² of every link of <paramref name="gains"/> into <paramref name="destination"/> (length = links), at the
    /// link's effective SNR over all its subcarriers (the allocation is not known when gating). Pass the CSI
    /// (estimated) gains: the gate sees what the transmitter knows.
    /// </summary>
    public static void PerLink(IHiddenStateTransmission transmission, GainTable gains, OfdmaLinkBudget budget, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(transmission);
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentNullException.ThrowIfNull(budget);
        if (destination.Length != gains.Links)
        {
            throw new ArgumentException($"Destination has length {destination.Length}, expected one entry per link ({gains.Links}).", nameof(destination));
        }

        for (var link = 0; link < gains.Links; link++)
        {
            destination[link] = transmission.DistortionVariance(budget.EffectiveSnr(gains.Link(link)));
        }
    }
}
