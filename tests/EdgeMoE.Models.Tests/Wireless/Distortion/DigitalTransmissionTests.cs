using System.Numerics;
using MathNet.Numerics.Distributions;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Models.Tests.Wireless.Distortion;

public sealed class DigitalTransmissionTests
{
    [Fact]
    public void At_high_snr_the_receiver_gets_exactly_the_quantised_tensor()
    {
        var sent = Gaussian(4096, new Random(41));
        var quantizer = UniformQuantizer.For(sent, 8);
        var received = (float[])sent.Clone();

        var report = new DigitalTransmission(8, Modulation.Qam16, OutageThresholdSnr: 1).Transmit(received, 1e4, new Random(42));

        for (var i = 0; i < sent.Length; i++)
        {
            Assert.Equal(quantizer.Value(quantizer.Index(sent[i])), received[i]);
            Assert.InRange(Math.Abs(received[i] - sent[i]), 0, (quantizer.Step / 2) + 1e-6);
        }

        Assert.Equal(0, report.BitsFlipped);
        Assert.False(report.Outage);
        Assert.Equal((8L * 4096) + 64, report.PayloadBits);
    }

    [Theory]
    [InlineData(Modulation.Bpsk, 0.5)]
    [InlineData(Modulation.Qpsk, 2.0)]
    [InlineData(Modulation.Qam16, 8.0)]
    public void At_low_snr_the_measured_bit_error_rate_matches_the_model(Modulation modulation, double snr)
    {
        var sent = Gaussian(50_000, new Random(43));
        var quantizer = UniformQuantizer.For(sent, 6);
        var received = (float[])sent.Clone();

        var report = new DigitalTransmission(6, modulation, OutageThresholdSnr: 0.1).Transmit(received, snr, new Random(44));

        // Decode the received values back to indices and count the differing bits.
        long flipped = 0;
        for (var i = 0; i < sent.Length; i++)
        {
            flipped += BitOperations.PopCount(quantizer.Index(sent[i]) ^ quantizer.Index(received[i]));
        }

        const long bits = 6L * 50_000;
        var p = BitErrorRate.Of(modulation, snr);
        var fourSigma = 4 * Math.Sqrt(p * (1 - p) / bits);
        Assert.InRange(flipped / (double)bits, p - fourSigma, p + fourSigma);
        Assert.Equal(flipped, report.BitsFlipped);
        Assert.Equal(p, report.BitErrorRate);
    }

    [Fact]
    public void Below_the_outage_threshold_the_tensor_is_lost_and_reported()
    {
        var received = Gaussian(100, new Random(45));
        var report = new DigitalTransmission(4, Modulation.Bpsk, OutageThresholdSnr: 2).Transmit(received, 1.99, new Random(46));

        Assert.True(report.Outage);
        Assert.All(received, x => Assert.Equal(0f, x));
        Assert.Equal(1.0, report.DistortionVariance);
        Assert.Equal((4L * 100) + 64, report.PayloadBits);
    }

    [Fact]
    public void Distortion_variance_estimate_matches_the_measured_error_over_the_squared_range()
    {
        // Uniform data makes every index bit equally likely 0 or 1, as the estimate assumes.
        var random = new Random(47);
        var sent = new float[200_000];
        for (var i = 0; i < sent.Length; i++)
        {
            sent[i] = (float)ContinuousUniform.Sample(random, -1, 1);
        }

        var link = new DigitalTransmission(4, Modulation.Qpsk, OutageThresholdSnr: 0.1);
        var received = (float[])sent.Clone();
        var report = link.Transmit(received, 6, random);
        var range = sent.Max() - sent.Min();
        var mse = sent.Zip(received, (x, y) => ((double)y - x) * ((double)y - x)).Average() / (range * range);

        Assert.InRange(mse / report.DistortionVariance, 0.95, 1.05);
    }

    [Fact]
    public void A_constant_tensor_is_received_exactly_when_no_bit_flips()
    {
        var received = Enumerable.Repeat(3.25f, 10).ToArray();
        new DigitalTransmission(8, Modulation.Bpsk, 0).Transmit(received, 1e3, new Random(48));
        Assert.All(received, x => Assert.Equal(3.25f, x));
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigitalTransmission(0, Modulation.Bpsk, 1).Transmit(new float[4], 10, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigitalTransmission(8, Modulation.Bpsk, -1).DistortionVariance(10));
    }

    private static float[] Gaussian(int count, Random random)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)Normal.Sample(random, 0, 1.5);
        }

        return values;
    }
}
