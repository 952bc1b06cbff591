using EdgeMoE.Models.Randomness;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Policies.Tests.Mec;

public sealed class MecBaselineTests
{
    [Fact]
    public void Nearest_takes_the_closest_available_server()
    {
        var nearest = FixedRankServerChoice.Nearest([300, 100, 200]);
        Assert.Equal(1, nearest.Choose([], [true, true, true]));
        Assert.Equal(2, nearest.Choose([], [true, false, true]));
        Assert.Equal(-1, nearest.Choose([], [false, false, false]));
    }

    [Fact]
    public void Most_powerful_takes_the_fastest_available_cpu_with_ties_to_the_lower_index()
    {
        var powerful = FixedRankServerChoice.MostPowerful([2e9, 3e9, 3e9]);
        Assert.Equal(1, powerful.Choose([], [true, true, true]));
        Assert.Equal(2, powerful.Choose([], [true, false, true]));
    }

    [Fact]
    public void Random_draws_every_available_server_and_no_busy_one()
    {
        var random = new RandomServerChoice(new Xoshiro256Random(3));
        var seen = new HashSet<int>();
        for (var k = 0; k < 200; k++)
        {
            seen.Add(random.Choose([], [true, false, true, true]));
        }

        Assert.Equal([0, 2, 3], seen.Order());
    }

    [Theory]
    [InlineData(10, 3, 0.1, 24)]   // ⌈10·1·ln 10⌉
    [InlineData(10, 12, 0.1, 47)]  // two experts per cluster: ⌈20·ln 10⌉
    [InlineData(5, 1, 0.5, 4)]     // ⌈5·ln 2⌉
    public void Minimum_experts_follow_N_times_M_th_times_ln_one_over_delta(int clusters, int busy, double delta, int expected)
    {
        Assert.Equal(expected, MinimumExperts.Of(clusters, busy, delta));
    }
}
