using System.Numerics;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Models.Tests.Wireless.Fading;

public sealed class FadingProcessTests
{
    [Fact]
    public void Rayleigh_power_gain_is_exponential_with_unit_mean()
    {
        var process = new FadingProcess(200_000, SmallScaleFading.RayleighBlock, new Random(5));
        var gains = new double[process.Count];
        process.PowerGains(gains);

        Assert.InRange(gains.Average(), 0.99, 1.01);
        // P(H > x) = e^{−x}; binomial standard error ≤ 0.0012 at n = 200,000.
        foreach (var x in new[] { 0.1, 1.0, 3.0 })
        {
            var tail = gains.Count(g => g > x) / (double)gains.Length;
            Assert.InRange(tail, Math.Exp(-x) - 0.005, Math.Exp(-x) + 0.005);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(10.0)]
    public void Rician_power_gain_has_unit_mean_and_the_closed_form_second_moment(double k)
    {
        var process = new FadingProcess(200_000, new SmallScaleFading(k), new Random(6));
        var gains = new double[process.Count];
        process.PowerGains(gains);

        // E[|g|²] = 1 and E[|g|⁴] = (2 + 4K + K²)/(K + 1)² for a unit-power Rician coefficient.
        var secondMoment = (2 + (4 * k) + (k * k)) / ((k + 1) * (k + 1));
        Assert.InRange(gains.Average(), 0.99, 1.01);
        Assert.InRange(gains.Average(g => g * g) / secondMoment, 0.97, 1.03);
    }

    [Fact]
    public void Rician_mean_envelope_matches_the_laguerre_closed_form()
    {
        // E|g| = √(π/(4(K+1)))·L_{1/2}(−K), L_{1/2}(−K) = e^{−K/2}·((1+K)·I0(K/2) + K·I1(K/2)).
        const double k = 2;
        var process = new FadingProcess(200_000, new SmallScaleFading(k), new Random(8));
        var mean = 0.0;
        foreach (var g in process.Coefficients)
        {
            mean += g.Magnitude;
        }

        mean /= process.Count;
        var laguerre = Math.Exp(-k / 2) * (((1 + k) * MathNet.Numerics.SpecialFunctions.BesselI0(k / 2)) + (k * MathNet.Numerics.SpecialFunctions.BesselI1(k / 2)));
        var expected = Math.Sqrt(Math.PI / (4 * (k + 1))) * laguerre;
        Assert.InRange(mean / expected, 0.995, 1.005);
    }

    [Fact]
    public void Gauss_markov_coefficients_have_autocorrelation_rho_to_the_lag_and_stay_stationary()
    {
        var rho = SmallScaleFading.DopplerCorrelation(100, 1e-3); // J0(0.628) ≈ 0.904
        var process = new FadingProcess(4000, new SmallScaleFading(0, rho), new Random(9));
        const int slots = 40;
        var history = new Complex[slots][];
        for (var t = 0; t < slots; t++)
        {
            history[t] = process.Coefficients.ToArray();
            process.Advance();
        }

        foreach (var lag in new[] { 1, 2, 5 })
        {
            Complex sum = 0;
            double powerSum = 0, powerSquareSum = 0, crossPower = 0;
            var pairs = 0;
            for (var t = 0; t + lag < slots; t++)
            {
                for (var i = 0; i < process.Count; i++)
                {
                    var a = history[t][i];
                    var b = history[t + lag][i];
                    sum += a * Complex.Conjugate(b);
                    var pa = FadingProcess.SquaredMagnitude(a);
                    var pb = FadingProcess.SquaredMagnitude(b);
                    powerSum += pa;
                    powerSquareSum += pa * pa;
                    crossPower += pa * pb;
                    pairs++;
                }
            }

            // E[g_t·g*_{t+k}] = ρ^k, and for Rayleigh the powers correlate with ρ^{2k} (their variance is 1).
            Assert.InRange((sum / pairs).Real, Math.Pow(rho, lag) - 0.02, Math.Pow(rho, lag) + 0.02);
            Assert.InRange(Math.Abs((sum / pairs).Imaginary), 0, 0.02);
            var meanPower = powerSum / pairs;
            var powerCorrelation = ((crossPower / pairs) - (meanPower * meanPower)) / ((powerSquareSum / pairs) - (meanPower * meanPower));
            Assert.InRange(powerCorrelation, Math.Pow(rho, 2 * lag) - 0.04, Math.Pow(rho, 2 * lag) + 0.04);
        }

        var last = new double[process.Count];
        process.PowerGains(last);
        Assert.InRange(last.Average(), 0.95, 1.05);
    }

    [Fact]
    public void Block_fading_is_independent_from_slot_to_slot()
    {
        var process = new FadingProcess(100_000, SmallScaleFading.RayleighBlock, new Random(10));
        var before = process.Coefficients.ToArray();
        process.Advance();
        Complex sum = 0;
        for (var i = 0; i < before.Length; i++)
        {
            sum += before[i] * Complex.Conjugate(process.Coefficients[i]);
        }

        // Standard error of the sample correlation is 1/√n ≈ 0.003.
        Assert.InRange(Complex.Abs(sum / before.Length), 0, 0.015);
        Assert.Equal(1, process.Slot);
    }

    [Fact]
    public void The_same_seed_gives_the_same_channel()
    {
        var a = new FadingProcess(64, new SmallScaleFading(1, 0.5), new Random(42));
        var b = new FadingProcess(64, new SmallScaleFading(1, 0.5), new Random(42));
        a.Advance();
        b.Advance();
        Assert.True(a.Coefficients.SequenceEqual(b.Coefficients));
    }
}
