using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Models.Tests.Wireless.Fading;

public sealed class SmallScaleFadingTests
{
    [Theory]
    [InlineData(1.0, 0.7651976865579666)]
    [InlineData(2.404825557695773, 0.0)]
    [InlineData(5.0, -0.1775967713143383)]
    public void Doppler_correlation_is_bessel_j0_of_two_pi_fd_t(double argument, double j0)
    {
        // f_D·T chosen so that 2π·f_D·T equals the tabulated argument.
        var correlation = SmallScaleFading.DopplerCorrelation(argument / (2 * Math.PI), 1);
        Assert.Equal(j0, correlation, 12);
    }

    [Fact]
    public void A_slow_channel_is_strongly_correlated_between_slots()
    {
        // 10 Hz Doppler (3 km/h at 3.5 GHz) and 1 ms slots: ρ = J0(0.0628) ≈ 1 − x²/4.
        var rho = SmallScaleFading.DopplerCorrelation(10, 1e-3);
        var x = 2 * Math.PI * 10 * 1e-3;
        Assert.Equal(1 - (x * x / 4) + (x * x * x * x / 64), rho, 10);
    }

    [Fact]
    public void Out_of_range_parameters_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmallScaleFading(-1).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmallScaleFading(0, 1.5).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallScaleFading.DopplerCorrelation(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallScaleFading.DopplerCorrelation(1, double.NaN));
    }
}
