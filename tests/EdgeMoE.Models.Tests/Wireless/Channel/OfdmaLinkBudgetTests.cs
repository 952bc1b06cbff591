using EdgeMoE.Models.Wireless.Channel;

namespace EdgeMoE.Models.Tests.Wireless.Channel;

public sealed class OfdmaLinkBudgetTests
{
    // B0 = 15 kHz, P0 = 0.1 W, N0 = 1e-4 W: a gain of 1e-3 gives SNR 1, a gain of 3e-3 gives SNR 3.
    private readonly OfdmaLinkBudget _budget = new(15e3, 0.1, 1e-4);

    [Fact]
    public void Price_over_assigned_subcarriers_follows_jesa_eqs_1_to_3_by_hand()
    {
        var table = new GainTable(2, 3, [5e-3, 1e-3, 3e-3, 0, 0, 0]);
        int[] assigned = [1, 2];

        var cost = _budget.Price(90e3, table, 0, assigned);

        // R = 15e3·(log2 2 + log2 4) = 45 kbit/s; 90 kbit take 2 s on 2 subcarriers of 0.1 W: 0.4 J.
        Assert.Equal(45e3, cost.RateBitsPerSecond, 9);
        Assert.Equal(2.0, cost.Seconds, 12);
        Assert.Equal(0.4, cost.Joules, 12);
        // 1.5 bit/s/Hz per subcarrier on average: 2^1.5 − 1.
        Assert.Equal(Math.Pow(2, 1.5) - 1, cost.EffectiveSnr, 12);
        Assert.Equal(3.0, _budget.Snr(3e-3), 12);
    }

    [Fact]
    public void A_link_without_subcarriers_never_finishes()
    {
        var cost = _budget.Price(1000, ReadOnlySpan<double>.Empty);
        Assert.True(double.IsPositiveInfinity(cost.Seconds));
        Assert.True(double.IsPositiveInfinity(cost.Joules));
        Assert.Equal(0, cost.RateBitsPerSecond);
    }
}
