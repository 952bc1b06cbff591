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

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.001)]
    [InlineData(0.0)]
    public void The_update_is_w_plus_the_pseudo_inverse_times_the_residual_at_any_noise_level(double featureNoise)
    {
        // sigma_t = 0 leaves X X^T singular (one non-zero row): the pseudo-inverse must still give the minimum-norm fit.
        var stream = new ClusteredLinearRegression(Options with { FeatureNoise = featureNoise }, seed: 6);
        var expert = new LinearExpert(Options.Dimension);
        expert.Fit(stream.NextTask(0));
        var before = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(expert.Weights.ToArray());
        var task = stream.NextTask(2);
        expert.Fit(task);
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(task.SampleCount, task.Dimension, task.Features);
        var y = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(task.Targets);
        var expected = before + (x.PseudoInverse() * (y - (x * before)));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], expert.Weights[i], 9);
        }
    }

    [Fact]
    public void The_change_to_fit_is_the_change_a_fit_makes_and_leaves_the_expert_as_it_was()
    {
        var stream = new ClusteredLinearRegression(Options, seed: 7);
        var expert = new LinearExpert(Options.Dimension);
        expert.Fit(stream.NextTask(0));
        var before = expert.Weights.ToArray();
        var task = stream.NextTask(1);
        var measured = expert.ChangeToFit(task);
        Assert.Equal(before, expert.Weights.ToArray());
        Assert.Equal(1, expert.TasksFitted);
        Assert.Equal(expert.Fit(task), measured, 12);
        Assert.True(measured > 0.1, $"a task of another cluster should move the expert, moved {measured}");
    }
}
