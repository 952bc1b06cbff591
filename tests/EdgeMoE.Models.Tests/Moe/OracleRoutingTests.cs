using EdgeMoE.Models.Data.Regression;
using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Models.Tests.Moe;

/// <summary>
/// The experts, the task stream and G_t together, with the routing known: if a cluster's tasks always reach the same
/// expert, G_t must fall to almost nothing; if every expert gets every cluster, it must not.
/// </summary>
public sealed class OracleRoutingTests
{
    private static readonly ClusteredLinearRegressionOptions Options = new() { Clusters = 4, Dimension = 8, SamplesPerTask = 4, FeatureNoise = 0.001 };

    [Fact]
    public void Routing_each_cluster_to_its_own_experts_drives_G_t_below_one_percent_of_G_1()
    {
        // Expert n or n + N (alternating): two experts per cluster, as a gate with M = 2N should learn.
        var (start, end) = Run((task, t) => task.Cluster + (t % 2 * Options.Clusters));
        Assert.True(end < 0.01 * start, $"G_1 {start}, G_T {end}");
    }

    [Fact]
    public void Dealing_the_tasks_round_the_experts_leaves_G_t_near_its_start()
    {
        var (start, end) = Run((_, t) => t % (2 * Options.Clusters));
        var (_, oracle) = Run((task, t) => task.Cluster + (t % 2 * Options.Clusters));
        Assert.True(end > 0.3 * start && end > 100 * oracle, $"G_1 {start}, G_T {end}, the oracle's G_T {oracle}");
    }

    private static (double Start, double End) Run(Func<RegressionTask, int, int> route)
    {
        var stream = new ClusteredLinearRegression(Options, seed: 11);
        var truths = Enumerable.Range(0, Options.Clusters).Select(n => stream.GroundTruth(n).ToArray()).ToList();
        var experts = Enumerable.Range(0, 2 * Options.Clusters).Select(_ => new ScoredLinearExpert(truths)).ToArray();
        var error = new GeneralisationError(Options.Clusters, experts.Length);
        var start = 0.0;
        for (var t = 0; t < 400; t++)
        {
            var task = stream.NextTask();
            var m = route(task, t);
            experts[m].Fit(task);
            error.Learn(m, task.Cluster, experts[m].ErrorByCluster());
            start = t == 0 ? error.Value : start;
        }

        return (start, error.Value);
    }
}
