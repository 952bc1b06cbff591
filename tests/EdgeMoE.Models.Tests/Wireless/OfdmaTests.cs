using EdgeMoE.Models.Wireless;

namespace EdgeMoE.Models.Tests.Wireless;

public sealed class OfdmaTests
{
    [Fact]
    public void Subcarrier_rate_is_shannon_over_the_spacing()
    {
        // SNR = H·P0/N0 = 1e-3·0.1/1e-4 = 1 ⇒ r = B0·log2(2) = B0.
        Assert.Equal(15e3, Ofdma.SubcarrierRate(15e3, 1e-3, 0.1, 1e-4), 9);
        // SNR = 3 ⇒ 2 bits/s/Hz.
        Assert.Equal(30e3, Ofdma.SubcarrierRate(15e3, 3e-3, 0.1, 1e-4), 9);
    }

    [Fact]
    public void Link_rate_sums_its_subcarriers_and_energy_is_time_times_power()
    {
        double[] gains = [1e-3, 3e-3];
        var rate = Ofdma.LinkRate(15e3, gains, 0.1, 1e-4);
        Assert.Equal(45e3, rate, 9);
        Assert.Equal(2.0, Ofdma.TransmissionSeconds(90e3, rate), 12);
        // 2 s on 2 subcarriers at 0.1 W each = 0.4 J.
        Assert.Equal(0.4, Ofdma.CommunicationEnergy(90e3, rate, 2, 0.1), 12);
        Assert.Equal(0.0, Ofdma.CommunicationEnergy(0, 0, 0, 0.1));
        Assert.True(double.IsPositiveInfinity(Ofdma.TransmissionSeconds(1, 0)));
    }
}
