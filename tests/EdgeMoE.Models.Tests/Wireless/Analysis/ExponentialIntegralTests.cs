using EdgeMoE.Models.Wireless.Analysis;

namespace EdgeMoE.Models.Tests.Wireless.Analysis;

public sealed class ExponentialIntegralTests
{
    // Reference values of E1 (Abramowitz & Stegun table 5.1, extended with mpmath to 16 digits).
    [Theory]
    [InlineData(0.01, 4.037929576538114)]
    [InlineData(0.1, 1.822923958419390)]
    [InlineData(0.5, 0.5597735947761608)]
    [InlineData(1.0, 0.2193839343955203)]
    [InlineData(2.0, 0.04890051070806112)]
    [InlineData(5.0, 0.001148295591275326)]
    [InlineData(10.0, 4.156968929685324e-06)]
    [InlineData(20.0, 9.835525290649882e-11)]
    public void E1_matches_tabulated_values_to_twelve_digits(double x, double expected)
    {
        Assert.Equal(1.0, ExponentialIntegral.E1(x) / expected, 12);
    }

    [Fact]
    public void E1_agrees_with_mathnet_across_the_series_and_continued_fraction_ranges()
    {
        for (var x = 0.05; x < 40; x *= 1.37)
        {
            var reference = MathNet.Numerics.SpecialFunctions.ExponentialIntegral(x, 1);
            Assert.Equal(1.0, ExponentialIntegral.E1(x) / reference, 9);
        }
    }

    [Fact]
    public void E1_converges_where_mathnet_5_does_not_just_above_one()
    {
        // MathNet 5.0.0 throws for some x in (1, 1.38); ours must answer there, between its neighbours (E1 falls).
        for (var x = 1.00001; x < 1.38; x += 1e-5)
        {
            var value = ExponentialIntegral.E1(x);
            Assert.True(value < ExponentialIntegral.E1(x - 1e-6) && value > ExponentialIntegral.E1(x + 1e-6), $"x = {x}");
        }
    }

    [Fact]
    public void Scaled_E1_follows_its_asymptotic_series_where_e_to_the_x_overflows()
    {
        // e^x·E1(x) ~ (1/x)·(1 − 1/x + 2/x² − 6/x³ + 24/x⁴), absolute error below 120/x⁶ = 1.2e-16.
        const double x = 1000;
        var asymptotic = (1 / x) * (1 - (1 / x) + (2 / (x * x)) - (6 / (x * x * x)) + (24 / (x * x * x * x)));
        Assert.Equal(asymptotic, ExponentialIntegral.ScaledE1(x), 15);
        Assert.Equal(1.0, ExponentialIntegral.ScaledE1(3) / (Math.Exp(3) * 0.01304838109419703), 12);
    }

    [Fact]
    public void E1_rejects_non_positive_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialIntegral.E1(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialIntegral.E1(-1));
    }
}
