using MathNet.Numerics.Distributions;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Models.Tests.Wireless.Distortion;

public sealed class AnalogTransmissionTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(100.0)]
    public void Noise_has_variance_mean_power_over_snr_per_element(double snr)
    {
        var random = new Random(31);
        var sent = new float[100_000];
        for (var i = 0; i < sent.Length; i++)
        {
            sent[i] = (float)Normal.Sample(random, 0.5, 2);
        }

        var received = (float[])sent.Clone();
        var report = new AnalogTransmission().Transmit(received, snr, random);

        var meanSquare = sent.Average(x => (double)x * x);
        var errors = sent.Zip(received, (x, y) => (double)y - x).ToArray();
        var variance = errors.Average(e => e * e);
        // Relative standard error of a variance from 1e5 Gaussian draws: √(2/n) ≈ 0.45 %.
        Assert.InRange(variance / (meanSquare / snr), 0.97, 1.03);
        Assert.InRange(errors.Average(), -4 * Math.Sqrt(meanSquare / snr / errors.Length), 4 * Math.Sqrt(meanSquare / snr / errors.Length));
        Assert.Equal(1 / snr, report.DistortionVariance, 15);
        Assert.False(report.Outage);
        Assert.Equal(32L * sent.Length, report.PayloadBits);
    }

    [Fact]
    public void An_all_zero_tensor_gets_noise_of_variance_one_over_snr()
    {
        var received = new float[50_000];
        new AnalogTransmission().Transmit(received, 4, new Random(32));
        Assert.InRange(received.Average(x => (double)x * x) / 0.25, 0.97, 1.03);
    }

    [Fact]
    public void A_zero_snr_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnalogTransmission().Transmit(new float[3], 0, new Random(1)));
    }
}
