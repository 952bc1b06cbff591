using EdgeMoE.Models.Compute;

namespace EdgeMoE.Models.Tests.Compute;

public sealed class MecServerTests
{
    [Theory]
    [InlineData(1e8, 2e9, 1)]   // 0.08 s + 0.5 s within one 0.6 s step
    [InlineData(2e7, 1e9, 3)]   // 0.4 s + 1 s = 1.4 s -> 3 steps of 0.6 s
    [InlineData(1e7, 1e9, 3)]   // 0.8 s + 1 s = 1.8 s -> exactly 3 steps
    public void Busy_steps_are_transfer_plus_compute_time_rounded_up_to_steps(double rate, double frequency, int expected)
    {
        Assert.Equal(expected, new MecServer(rate, frequency, 10).BusySteps(8e6, 1e9, 0.6));
    }

    [Fact]
    public void A_server_is_busy_at_least_one_step()
    {
        Assert.Equal(1, new MecServer(1e12, 1e12, 0).BusySteps(0, 0, 1));
    }
}
