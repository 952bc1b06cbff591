using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Models.Tests.Moe;

public sealed class GeneralisationErrorTests
{
    [Fact]
    public void Every_past_task_is_judged_by_the_current_model_of_the_expert_that_learned_it()
    {
        double[][] truths = [[1, 0], [0, 1]];
        var error = new GeneralisationError(clusters: 2, experts: 2);
        error.Learn(0, 0, Distances([1, 0], truths));
        Assert.Equal(0, error.Value);
        error.Learn(1, 1, Distances([0, 0], truths));
        Assert.Equal(0.5, error.Value, 12);
        // Expert 0 now learns cluster 1: its earlier cluster-0 task is forgotten (distance² 2) and the new one is fitted.
        error.Learn(0, 1, Distances([0, 1], truths));
        Assert.Equal((2.0 + 1.0 + 0.0) / 3, error.Value, 12);
        Assert.Equal(3, error.Learned);
    }

    [Fact]
    public void A_linear_experts_error_on_a_cluster_is_its_squared_distance_to_the_ground_truth()
    {
        using var expert = new ScoredLinearExpert([[1, 2], [3, -1]]);
        Assert.Equal([5.0, 10.0], expert.ErrorByCluster());
    }

    private static double[] Distances(double[] w, double[][] truths) =>
        [.. truths.Select(t => t.Zip(w, (a, b) => (a - b) * (a - b)).Sum())];
}
