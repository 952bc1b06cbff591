using MathNet.Numerics.Distributions;

namespace EdgeMoE.Models.Wireless.Distortion;

/// <summary>
/// Digital transmission: each element is quantised uniformly to b bits over the tensor's [min, max]
/// (min and max travel as 64 bits of side information, assumed received intact), the b·n bits are sent
/// with a Gray-mapped modulation and each is flipped independently with the modulation's AWGN bit-error
/// rate at the instantaneous SNR. Below the outage threshold the tensor is lost: it is zeroed and the
/// report says so.
/// </summary>
/// <param name="BitsPerElement">b (1–24).</param>
/// <param name="Modulation">Modulation of the bits.</param>
/// <param name="OutageThresholdSnr">γ_th, linear SNR below which the link is in outage (≥ 0).</param>
public sealed record DigitalTransmission(int BitsPerElement, Modulation Modulation, double OutageThresholdSnr) : IHiddenStateTransmission
{
    /// <summary>Side information per tensor: min and max as float32.</summary>
    public const int SideInformationBits = 64;

    /// <summary>Whether the link is in outage at <paramref name="snr"/>.</summary>
    public bool IsOutage(double snr) => snr < OutageThresholdSnr;

    /// <summary>
    /// Expected squared error per element over the squared range (max − min)², with Δ = 1/(2^b − 1):
    /// Δ²/12 from quantisation plus p·Δ²·(4^b − 1)/3 from independent bit flips of the index (each bit
    /// equally likely 0 or 1); 1 in outage.
    /// </summary>
    public double DistortionVariance(double snr)
    {
        Validate();
        if (IsOutage(snr))
        {
            return 1;
        }

        var levels = Math.Pow(2, BitsPerElement);
        var step = 1 / (levels - 1);
        var p = BitErrorRate.Of(Modulation, snr);
        return (step * step / 12) + (p * step * step * ((levels * levels) - 1) / 3);
    }

    /// <inheritdoc />
    public long PayloadBits(int elements) => ((long)BitsPerElement * elements) + SideInformationBits;

    /// <inheritdoc />
    public TransmissionReport Transmit(Span<float> tensor, double snr, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Validate();
        if (!(snr >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(snr), snr, "The SNR must be ≥ 0 (linear).");
        }

        var bits = PayloadBits(tensor.Length);
        var p = BitErrorRate.Of(Modulation, snr);
        if (IsOutage(snr))
        {
            tensor.Clear();
            return new TransmissionReport(true, bits, snr, p, 0, DistortionVariance(snr));
        }

        if (tensor.IsEmpty)
        {
            return new TransmissionReport(false, bits, snr, p, 0, DistortionVariance(snr));
        }

        var quantizer = UniformQuantizer.For(tensor, BitsPerElement);
        var flipped = 0L;
        var next = NextError(-1, p, random);
        for (var i = 0; i < tensor.Length; i++)
        {
            var index = quantizer.Index(tensor[i]);
            var elementEnd = (long)(i + 1) * BitsPerElement;
            while (next < elementEnd)
            {
                index ^= 1u << (int)(next - ((long)i * BitsPerElement));
                flipped++;
                next = NextError(next, p, random);
            }

            tensor[i] = quantizer.Value(index);
        }

        return new TransmissionReport(false, bits, snr, p, flipped, DistortionVariance(snr));
    }

    // Bit errors are a Bernoulli(p) stream; the gap to the next error is geometric, drawn as ⌊Exp(−ln(1−p))⌋ + 1
    // so high-SNR links cost one draw per tensor instead of one per bit.
    private static long NextError(long previous, double p, Random random)
    {
        if (p <= 0)
        {
            return long.MaxValue;
        }

        // −ln(1 − p) loses every digit for tiny p; its series is exact there.
        var rate = p < 1e-8 ? p + (p * p / 2) : -Math.Log(1 - p);
        var gap = Math.Floor(Exponential.Sample(random, rate)) + 1;
        // Gaps beyond 4e18 bits mean no further error in any tensor (and must not overflow).
        return gap >= 4e18 ? long.MaxValue : previous + (long)gap;
    }

    private void Validate()
    {
        if (BitsPerElement is < 1 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(BitsPerElement), BitsPerElement, "Bits per element must be in 1–24.");
        }

        if (!(OutageThresholdSnr >= 0) || !double.IsFinite(OutageThresholdSnr))
        {
            throw new ArgumentOutOfRangeException(nameof(OutageThresholdSnr), OutageThresholdSnr, "The outage threshold must be finite and ≥ 0 (linear).");
        }
    }
}
