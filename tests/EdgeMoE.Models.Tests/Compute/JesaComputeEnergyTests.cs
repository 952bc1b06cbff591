using EdgeMoE.Models.Compute;

namespace EdgeMoE.Models.Tests.Compute;

public sealed class JesaComputeEnergyTests
{
    [Fact]
    public void Energy_is_linear_in_batch_size_plus_a_fixed_term_and_zero_when_idle()
    {
        var model = new JesaComputeEnergy(PerTokenJoules: 0.25, FixedJoules: 1.5);
        Assert.Equal(0.0, model.Of(0));
        Assert.Equal(1.75, model.Of(1), 12);
        Assert.Equal(4.0, model.Of(10), 12);
    }
}
