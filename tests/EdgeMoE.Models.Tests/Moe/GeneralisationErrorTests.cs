using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Models.Tests.Moe;

public sealed class GeneralisationErrorTests
{
    [Fact]
    public void Every_past_task_is_judged_by_the_current_model_of_the_expert_that_learned_it()
    {
        double[][] truths = [[1, 0], [0, 1]];
        var error = new GeneralisationError(truths, experts: 2);
        error.Learn(0, 0, [1, 0]);
        Assert.Equal(0, error.Value);
        error.Learn(1, 1, [0, 0]);
        Assert.Equal(0.5, error.Value, 12);
        // Expert 0 now learns cluster 1: its earlier cluster-0 task is forgotten (distance² 2) and the new one is fitted.
        error.Learn(0, 1, [0, 1]);
        Assert.Equal((2.0 + 1.0 + 0.0) / 3, error.Value, 12);
        Assert.Equal(3, error.Learned);
    }
}
