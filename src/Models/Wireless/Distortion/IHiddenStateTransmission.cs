namespace EdgeMoE.Models.Wireless.Distortion;

/// <summary>
/// How a hidden-state tensor is carried over a faded link (channel-aware gating paper): analog or digital.
/// Implementations are immutable and thread-safe; randomness comes from the caller's generator.
/// </summary>
public interface IHiddenStateTransmission
{
    /// <summary>
    /// σ̃², the distortion variance the channel-aware gating network receives for a link at instantaneous SNR
    /// <paramref name="snr"/> (linear, ≥ 0). Analog: noise variance per element relative to the signal power.
    /// Digital: mean squared error per element relative to the squared quantisation range (1 in outage).
    /// </summary>
    double DistortionVariance(double snr);

    /// <summary>Bits a tensor of <paramref name="elements"/> elements occupies on the link (for latency and energy).</summary>
    long PayloadBits(int elements);

    /// <summary>Distorts <paramref name="tensor"/> in place as the receiver would see it after a link at SNR <paramref name="snr"/>.</summary>
    TransmissionReport Transmit(Span<float> tensor, double snr, Random random);
}
