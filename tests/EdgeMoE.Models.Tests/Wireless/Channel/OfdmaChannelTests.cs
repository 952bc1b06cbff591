using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Csi;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Models.Tests.Wireless.Channel;

public sealed class OfdmaChannelTests
{
    private static readonly double[] MeanGains = [1e-3, 1e-5];

    [Fact]
    public void Gain_table_has_one_row_per_link_and_one_column_per_subcarrier_scaled_by_the_link_mean()
    {
        var channel = new OfdmaChannel(MeanGains, 2048, SmallScaleFading.RayleighBlock, CsiModel.Perfect, new Random(1));
        var table = channel.Current.Actual;

        Assert.Equal(2, table.Links);
        Assert.Equal(2048, table.Subcarriers);
        Assert.Equal(0, channel.Current.Slot);
        // Mean over 2048 exponential gains: relative standard error 2.2 %.
        Assert.InRange(Average(table.Link(0)) / 1e-3, 0.9, 1.1);
        Assert.InRange(Average(table.Link(1)) / 1e-5, 0.9, 1.1);
        Assert.Equal(table.Link(1)[7], table[1, 7]);
    }

    [Fact]
    public void Perfect_csi_estimates_the_actual_gains()
    {
        var channel = new OfdmaChannel(MeanGains, 8, SmallScaleFading.RayleighBlock, CsiModel.Perfect, new Random(2));
        var slot = channel.Advance();
        Assert.Equal(1, slot.Slot);
        Assert.True(slot.Estimated.All.SequenceEqual(slot.Actual.All));
    }

    [Fact]
    public void Stale_csi_reports_the_gains_of_k_slots_ago_and_slot_zero_before_that()
    {
        var channel = new OfdmaChannel(MeanGains, 16, new SmallScaleFading(0, 0.5), CsiModel.Stale(3), new Random(3));
        var actual = new List<double[]> { channel.Current.Actual.All.ToArray() };
        Assert.True(channel.Current.Estimated.All.SequenceEqual(actual[0]));
        for (var t = 1; t <= 8; t++)
        {
            var slot = channel.Advance();
            actual.Add(slot.Actual.All.ToArray());
            Assert.True(slot.Estimated.All.SequenceEqual(actual[Math.Max(t - 3, 0)]), $"slot {t}");
        }
    }

    [Fact]
    public void Noisy_csi_adds_gaussian_error_of_the_given_variance_to_the_unit_power_coefficient()
    {
        // E|g + e|² = 1 + σ_e² and E[(Ĥ − H)/Ω] = σ_e² for independent e ~ CN(0, σ_e²).
        const double variance = 0.25;
        var channel = new OfdmaChannel([2.0], 100_000, SmallScaleFading.RayleighBlock, CsiModel.Noisy(variance), new Random(4));
        var estimated = Average(channel.Current.Estimated.Link(0)) / 2;
        var actual = Average(channel.Current.Actual.Link(0)) / 2;
        Assert.InRange(estimated - actual, variance - 0.015, variance + 0.015);
        Assert.NotEqual(channel.Current.Actual.Link(0)[0], channel.Current.Estimated.Link(0)[0]);
    }

    [Fact]
    public void Invalid_configurations_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfdmaChannel([0.0], 4, SmallScaleFading.RayleighBlock, CsiModel.Perfect, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfdmaChannel([1.0], 0, SmallScaleFading.RayleighBlock, CsiModel.Perfect, new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfdmaChannel([1.0], 4, SmallScaleFading.RayleighBlock, CsiModel.Stale(-1), new Random(1)));
    }

    private static double Average(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
