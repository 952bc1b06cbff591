using EdgeMoE.Models.Wireless;
using EdgeMoE.Models.Wireless.Analysis;
using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Csi;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Models.Tests.Wireless.Analysis;

public sealed class RayleighClosedFormsTests
{
    [Fact]
    public void Closed_forms_match_hand_values_at_zero_decibels()
    {
        // ρ = 1: e·E1(1)/ln 2, ½(1 − √½), 1 − e^{−1}.
        Assert.Equal(Math.E * 0.2193839343955203 / Math.Log(2), RayleighClosedForms.MeanSpectralEfficiency(1), 12);
        Assert.Equal(0.5 * (1 - Math.Sqrt(0.5)), RayleighClosedForms.BpskBitErrorRate(1), 14);
        Assert.Equal(1 - Math.Exp(-1), RayleighClosedForms.OutageProbability(1, 1), 14);
    }

    [Fact]
    public void Mean_spectral_efficiency_tends_to_log2_of_snr_minus_euler_gamma_at_high_snr()
    {
        // E[log2(1+γ)] → log2(ρ) − γ_E/ln 2 as ρ → ∞.
        const double rho = 1e9;
        Assert.Equal(Math.Log2(rho) - (0.5772156649015329 / Math.Log(2)), RayleighClosedForms.MeanSpectralEfficiency(rho), 6);
    }

    // 200,000 Rayleigh draws per SNR at seed 11: the Monte-Carlo standard error is below 0.2 % for the
    // spectral efficiency and below 1.5 % for the BER, so 1 % and 3 % hold with margin at this seed.
    [Theory]
    [InlineData(-10.0)]
    [InlineData(0.0)]
    [InlineData(10.0)]
    [InlineData(20.0)]
    public void Sampled_rayleigh_statistics_match_the_closed_forms(double meanSnrDb)
    {
        var rho = Decibels.ToLinear(meanSnrDb);
        var threshold = Decibels.ToLinear(meanSnrDb - 3);
        var channel = new OfdmaChannel([rho], 4, SmallScaleFading.RayleighBlock, CsiModel.Perfect, new Random(11));
        var survey = ChannelSurvey.Run(channel, new OfdmaLinkBudget(1, 1, 1), 50_000, threshold);

        Assert.Equal(200_000, survey.Samples);
        Assert.InRange(survey.MeanSpectralEfficiency / RayleighClosedForms.MeanSpectralEfficiency(rho), 0.99, 1.01);
        Assert.InRange(survey.BpskBitErrorRate / RayleighClosedForms.BpskBitErrorRate(rho), 0.97, 1.03);
        var outage = RayleighClosedForms.OutageProbability(rho, threshold);
        var fourSigma = 4 * Math.Sqrt(outage * (1 - outage) / survey.Samples);
        Assert.InRange(survey.OutageProbability, outage - fourSigma, outage + fourSigma);
        Assert.InRange(survey.MeanSnr / rho, 0.99, 1.01);
    }
}
