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
    public void Noise_follows_the_normal_law_by_kolmogorov_smirnov_with_uncorrelated_neighbours()
    {
        // An all-zero tensor gets noise of deviation 1/√SNR; SNR 4 → 0.5. Odd length: the last element takes one
        // normal of a polar pair.
        const int n = 200_001;
        var noise = new float[n];
        new AnalogTransmission().Transmit(noise, 4, new Random(41));
        var sorted = noise.Select(x => (double)x).Order().ToArray();
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var cdf = Normal.CDF(0, 0.5, sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / n) - cdf, cdf - ((double)i / n)));
        }

        // The KS statistic's 0.1 % critical value is 1.95 / √n.
        Assert.True(d < 1.95 / Math.Sqrt(n), $"KS distance {d}");
        var mean = sorted.Average();
        var variance = sorted.Average(x => (x - mean) * (x - mean));
        Assert.InRange(sorted.Average(x => Math.Pow(x - mean, 4)) / (variance * variance), 2.95, 3.05);
        var evens = Enumerable.Range(0, n / 2).Select(i => (double)noise[2 * i]).ToArray();
        var odds = Enumerable.Range(0, n / 2).Select(i => (double)noise[(2 * i) + 1]).ToArray();
        // Correlation of 1e5 independent pairs: standard error 1/√1e5 ≈ 0.0032.
        Assert.InRange(MathNet.Numerics.Statistics.Correlation.Pearson(evens, odds), -0.015, 0.015);
    }

    [Fact]
    public void The_same_generator_state_gives_the_same_noise()
    {
        var a = Enumerable.Range(0, 1001).Select(i => (float)Math.Sin(i)).ToArray();
        var b = (float[])a.Clone();
        new AnalogTransmission().Transmit(a, 10, new Random(7));
        new AnalogTransmission().Transmit(b, 10, new Random(7));
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_zero_snr_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnalogTransmission().Transmit(new float[3], 0, new Random(1)));
    }
}
