using EdgeMoE.Models.Data.Regression;
using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Models.Tests.Moe;

public sealed class LinearExpertTests
{
    private static readonly ClusteredLinearRegressionOptions Options = new() { Clusters = 3, Dimension = 8, SamplesPerTask = 4 };

    [Fact]
    public void A_fit_reproduces_the_tasks_outputs_exactly()
    {
        var stream = new ClusteredLinearRegression(Options, seed: 3);
        var expert = new LinearExpert(Options.Dimension);
        var task = stream.NextTask();
        expert.Fit(task);
        for (var row = 0; row < task.SampleCount; row++)
        {
            var predicted = task.Sample(row).ToArray().Zip(expert.Weights.ToArray(), (x, w) => x * w).Sum();
            Assert.Equal(task.Targets[row], predicted, 9);
        }
    }

    [Fact]
    public void The_change_is_the_minimum_norm_one_orthogonal_to_the_tasks_null_space()
    {
        // The minimum-norm change lies in the row space of X: a vector orthogonal to every row is untouched by it.
        var stream = new ClusteredLinearRegression(Options, seed: 4);
        var expert = new LinearExpert(Options.Dimension);
        expert.Fit(stream.NextTask());
        var before = expert.Weights.ToArray();
        var task = stream.NextTask();
        var change = expert.Fit(task);
        var delta = expert.Weights.ToArray().Zip(before, (a, b) => a - b).ToArray();
        Assert.Equal(Math.Sqrt(delta.Sum(v => v * v)), change, 12);
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(task.SampleCount, task.Dimension, task.Features);
        var projector = x.PseudoInverse() * x;
        var projected = projector * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(delta);
        for (var i = 0; i < delta.Length; i++)
        {
            Assert.Equal(delta[i], projected[i], 9);
        }
    }

    [Fact]
    public void Tasks_of_one_cluster_drive_the_expert_to_its_ground_truth_and_the_change_to_zero()
    {
        var stream = new ClusteredLinearRegression(Options, seed: 5);
        var expert = new LinearExpert(Options.Dimension);
        var last = 0.0;
        for (var k = 0; k < 60; k++)
        {
            last = expert.Fit(stream.NextTask(1));
        }

        var truth = stream.GroundTruth(1).ToArray();
        Assert.True(expert.Weights.ToArray().Zip(truth, (a, b) => (a - b) * (a - b)).Sum() < 1e-6);
        Assert.True(last < 1e-3, $"last change {last}");
    }
}
