using EdgeMoE.Host.Reports;
using EdgeMoE.Models.Compute;

namespace EdgeMoE.Host.Tests.Run;

public sealed class NetworkLoadTests
{
    // Paper section IV hardware: xi = 2e-27, c = 1e7 cycles/token, tau = 1 s, f_max = 3 GHz.
    private static ServerProfile Server(double energyMax, double energyAvg) => new(1e7, 2e-27, 1, 3e9, energyMax, energyAvg);

    [Fact]
    public void The_budgeted_capacity_is_the_closed_form_floor_of_the_cube_root()
    {
        // n tokens in one slot at the smallest frequency n*c/tau cost xi*c^3*n^3/tau^2 joules, so the budget B allows
        // floor(cbrt(B*tau^2/(xi*c^3))) tokens: 1.5 J -> floor(90.86) = 90, 9.5 J -> floor(168.1) = 168, 15 J -> 195.7.
        var load = NetworkLoad.Of(390, 3, [Server(15, 1.5), Server(3, 9.5), Server(15, 9.5), Server(100, 100)]);
        Assert.Equal([90L, 114L, 168L, 300L], load.BudgetedCapacities);
        Assert.Equal(672, load.BudgetedCapacityPerSlot);
        Assert.Equal(1170, load.DemandPerSlot);
        Assert.Equal(1170 / 672.0, load.Utilisation, 12);
    }

    [Fact]
    public void Demand_counts_at_most_one_computation_per_server_and_token()
    {
        var load = NetworkLoad.Of(10, 3, [Server(15, 9.5), Server(15, 9.5)]);
        Assert.Equal(20, load.DemandPerSlot);
    }
}
