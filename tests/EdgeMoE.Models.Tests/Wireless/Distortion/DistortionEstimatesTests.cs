using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Models.Tests.Wireless.Distortion;

public sealed class DistortionEstimatesTests
{
    private readonly OfdmaLinkBudget _budget = new(15e3, 0.1, 1e-4);

    [Fact]
    public void Each_link_gets_the_distortion_at_its_effective_snr()
    {
        // Link 0: SNRs 1 and 3 → effective 2^1.5 − 1; link 1: SNR 10 on both subcarriers → 10.
        var gains = new GainTable(2, 2, [1e-3, 3e-3, 1e-2, 1e-2]);
        var estimates = new double[2];

        DistortionEstimates.PerLink(new AnalogTransmission(), gains, _budget, estimates);

        Assert.Equal(1 / (Math.Pow(2, 1.5) - 1), estimates[0], 12);
        Assert.Equal(0.1, estimates[1], 12);
    }

    [Fact]
    public void Digital_links_in_outage_get_the_largest_distortion()
    {
        var gains = new GainTable(2, 1, [1e-4, 1e-2]);
        var estimates = new double[2];
        var digital = new DigitalTransmission(8, Modulation.Qpsk, OutageThresholdSnr: 1);

        DistortionEstimates.PerLink(digital, gains, _budget, estimates);

        Assert.Equal(1.0, estimates[0]);
        Assert.Equal(digital.DistortionVariance(10), estimates[1], 15);
        Assert.True(estimates[1] < 1e-3);
    }
}
