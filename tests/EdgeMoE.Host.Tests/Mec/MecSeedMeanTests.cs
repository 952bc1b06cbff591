using EdgeMoE.Host.Scenarios.Mec;

namespace EdgeMoE.Host.Tests.Mec;

public sealed class MecSeedMeanTests
{
    [Fact]
    public void The_mean_curve_is_averaged_step_by_step_per_method_and_M_and_converges_on_its_own_start()
    {
        // Two seeds of the MoE at M = 3, converged on their own at steps 3 and 4; their mean curve converges on its own G_1.
        IReadOnlyList<MecRunKey> keys = [new("moe", 3, 1), new("random", 3, 1), new("moe", 3, 2), new("random", 3, 2), new("moe", 5, 1)];
        IReadOnlyList<IReadOnlyList<double>> errors =
        [
            [4.0, 1.0, 0.1, 0.3],
            [4.0, 4.0, 4.0, 4.0],
            [1.0, 0.5, 0.3, 0.05],
            [1.0, 2.0, 3.0, 3.0],
            [2.0, 0.1, 0.1, 0.1],
        ];

        var means = MecSeedMean.Of(keys, errors, 0.1);

        Assert.Equal([("moe", 3, 2), ("random", 3, 2), ("moe", 5, 1)], means.Select(m => (m.Method, m.Experts, m.Seeds)));
        var moe = means[0];
        Assert.Equal(2.5, moe.InitialError);
        Assert.Equal(0.175, moe.FinalError, 12);
        Assert.Equal(3, moe.ConvergenceStep); // the mean curve 2.5, 0.75, 0.2, 0.175 stays below 0.25 from step 3
        Assert.Equal(3, MecRunSummary.FirstConvergedStep(errors[0], 0.1));
        Assert.Equal(4, MecRunSummary.FirstConvergedStep(errors[2], 0.1));
        Assert.Null(MecRunSummary.FirstConvergedStep([1.0, 0.05, 0.2], 0.1)); // a bump above the line at the end
        Assert.Null(means[1].ConvergenceStep);
        Assert.Equal(2, means[2].ConvergenceStep);
    }
}
