using EdgeMoE.Actors.Jesa.Links;

namespace EdgeMoE.Actors.Tests.Jesa;

public sealed class BlockFadingTests
{
    [Fact]
    public void A_round_gives_the_same_gains_every_time_and_new_gains_in_the_next_layer_round()
    {
        var first = BlockFading.Gains(1, "link-0-1", 3, 2, 64, 1e-2);
        var again = BlockFading.Gains(1, "link-0-1", 3, 2, 64, 1e-2);
        var nextLayer = BlockFading.Gains(1, "link-0-1", 3, 3, 64, 1e-2);
        var otherLink = BlockFading.Gains(1, "link-1-0", 3, 2, 64, 1e-2);

        Assert.Equal(first, again);
        Assert.NotEqual(first, nextLayer);
        Assert.NotEqual(first, otherLink);
    }

    [Fact]
    public void Rayleigh_power_gains_are_exponential_with_the_path_loss_as_mean()
    {
        var gains = BlockFading.Gains(7, "link-2-5", 0, 0, 40_000, 1e-2);

        // Exponential: mean 1e-2 (standard error 5e-5 here) and P(H > mean) = 1/e.
        Assert.InRange(gains.Average(), 0.98e-2, 1.02e-2);
        Assert.InRange(gains.Count(g => g > 1e-2) / (double)gains.Length, 0.36, 0.376);
        Assert.All(gains, g => Assert.True(g >= 0 && double.IsFinite(g)));
    }
}
