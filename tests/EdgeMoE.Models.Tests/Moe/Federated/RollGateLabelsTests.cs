using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Models.Tests.Moe.Federated;

public sealed class RollGateLabelsTests
{
    [Fact]
    public void Seventy_percent_carry_the_own_index_and_the_rest_is_shared_evenly_by_the_others()
    {
        var labels = RollGateLabels.Draw(2, 10, 1000, 0.7, new Xoshiro256Random(5));
        Assert.Equal(700, labels.Count(l => l == 2));
        foreach (var other in Enumerable.Range(0, 10).Where(c => c != 2))
        {
            Assert.InRange(labels.Count(l => l == other), 33, 34);
        }
    }
}
