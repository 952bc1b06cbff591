namespace EdgeMoE.Models.Wireless.Distortion;

/// <summary>What happened to one hidden-state tensor in transit.</summary>
/// <param name="Outage">True when the SNR was below the outage threshold and the tensor was lost (zeroed).</param>
/// <param name="PayloadBits">Bits the transmission occupies, to price with s/R: b·n + 64 (side information) for digital,
/// 32·n (the float32 payload JESA's s counts) for analog.</param>
/// <param name="Snr">Instantaneous SNR the tensor met (linear).</param>
/// <param name="BitErrorRate">Model bit-error probability at that SNR (0 for analog).</param>
/// <param name="BitsFlipped">Bits actually flipped (0 for analog or in outage).</param>
/// <param name="DistortionVariance">The per-link distortion estimate at that SNR (see <see cref="IHiddenStateTransmission.DistortionVariance"/>).</param>
public sealed record TransmissionReport(
    bool Outage, long PayloadBits, double Snr, double BitErrorRate, long BitsFlipped, double DistortionVariance);
