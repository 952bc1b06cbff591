using EdgeMoE.Models.Data.Regression;

namespace EdgeMoE.Models.Tests.Data;

public sealed class ClusteredLinearRegressionTests
{
    private static readonly ClusteredLinearRegressionOptions Paper = new() { Clusters = 10, Sigma0 = 0.6 };

    [Fact]
    public void Outputs_are_the_features_times_the_ground_truth_of_the_tasks_cluster()
    {
        var stream = new ClusteredLinearRegression(Paper, seed: 1);

        foreach (var task in stream.NextTasks(50))
        {
            var w = stream.GroundTruth(task.Cluster).ToArray();
            for (var row = 0; row < task.SampleCount; row++)
            {
                var expected = task.Sample(row).ToArray().Zip(w, (x, v) => x * v).Sum();
                Assert.Equal(expected, task.Targets[row], 12);
            }
        }
    }

    [Fact]
    public void One_sample_is_the_scaled_feature_signal_of_the_cluster_and_the_others_are_noise()
    {
        var stream = new ClusteredLinearRegression(Paper with { SignalScale = 2.5 }, seed: 2);

        foreach (var task in stream.NextTasks(200))
        {
            Assert.InRange(task.SignalScale, double.Epsilon, 2.5);
            var expected = stream.FeatureSignal(task.Cluster).Select(v => v * task.SignalScale).ToArray();
            Assert.Equal(expected, task.Sample(task.SignalSample).ToArray());
            Assert.Equal(Paper.SamplesPerTask, task.SampleCount);
            for (var row = 0; row < task.SampleCount; row++)
            {
                if (row != task.SignalSample)
                {
                    Assert.Contains(task.Sample(row).ToArray(), x => x != 0);
                }
            }
        }
    }

    [Fact]
    public void Ground_truths_are_bounded_and_differ_by_at_most_twice_sigma0()
    {
        var options = Paper with { Dimension = 50, Sigma0 = 0.3 };
        var stream = new ClusteredLinearRegression(options, seed: 3);

        for (var n = 0; n < options.Clusters; n++)
        {
            Assert.All(stream.GroundTruth(n).ToArray(), x => Assert.InRange(x, -1.3, 1.3));
            for (var m = 0; m < n; m++)
            {
                var gap = stream.GroundTruth(n).ToArray().Zip(stream.GroundTruth(m).ToArray(), (a, b) => Math.Abs(a - b)).Max();
                Assert.InRange(gap, 0.1, 0.6);
            }
        }
    }

    [Fact]
    public void Feature_signals_are_orthonormal()
    {
        var stream = new ClusteredLinearRegression(Paper, seed: 4);

        for (var n = 0; n < Paper.Clusters; n++)
        {
            for (var m = 0; m < Paper.Clusters; m++)
            {
                var dot = stream.FeatureSignal(n).Zip(stream.FeatureSignal(m), (a, b) => a * b).Sum();
                Assert.Equal(n == m ? 1.0 : 0.0, dot);
            }
        }
    }

    [Fact]
    public void The_same_seed_replays_the_same_stream()
    {
        var a = new ClusteredLinearRegression(Paper, seed: 5).NextTasks(20);
        var b = new ClusteredLinearRegression(Paper, seed: 5).NextTasks(20);

        for (var t = 0; t < 20; t++)
        {
            Assert.Equal(t, a[t].Index);
            Assert.Equal(a[t].Cluster, b[t].Cluster);
            Assert.Equal(a[t].Features, b[t].Features);
            Assert.Equal(a[t].Targets, b[t].Targets);
        }
    }

    [Fact]
    public void Clusters_are_drawn_uniformly()
    {
        const int tasks = 20_000;
        var stream = new ClusteredLinearRegression(Paper with { SamplesPerTask = 1 }, seed: 6);
        var counts = new int[Paper.Clusters];
        foreach (var task in stream.NextTasks(tasks))
        {
            counts[task.Cluster]++;
        }

        // Pearson χ² with 9 degrees of freedom: P(χ² > 27.9) = 0.001.
        var expected = (double)tasks / Paper.Clusters;
        var chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi2 < 27.9, $"χ² = {chi2}");
    }

    [Fact]
    public void Noise_samples_have_standard_deviation_sigma_t_and_outputs_their_optional_noise()
    {
        var options = Paper with { FeatureNoise = 0.5, OutputNoise = 0.25, Dimension = 10, SamplesPerTask = 6 };
        var stream = new ClusteredLinearRegression(options, seed: 7);
        var features = new List<double>();
        var residuals = new List<double>();
        foreach (var task in stream.NextTasks(3000))
        {
            var w = stream.GroundTruth(task.Cluster).ToArray();
            for (var row = 0; row < task.SampleCount; row++)
            {
                var sample = task.Sample(row).ToArray();
                if (row != task.SignalSample)
                {
                    features.AddRange(sample);
                }

                residuals.Add(task.Targets[row] - sample.Zip(w, (x, v) => x * v).Sum());
            }
        }

        Assert.InRange(StandardDeviation(features), 0.49, 0.51);
        Assert.InRange(StandardDeviation(residuals), 0.245, 0.255);
    }

    [Fact]
    public void A_task_can_be_drawn_from_a_chosen_cluster()
    {
        var stream = new ClusteredLinearRegression(Paper, seed: 8);

        Assert.Equal(7, stream.NextTask(7).Cluster);
        Assert.Equal(1, stream.TasksDrawn);
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.NextTask(10));
    }

    [Theory]
    [InlineData(0, 20, 0.6, "Clusters")]
    [InlineData(10, 9, 0.6, "Dimension")]
    [InlineData(10, 20, 1.0, "Sigma0")]
    [InlineData(10, 20, 0.0, "Sigma0")]
    public void Options_out_of_range_name_the_field(int clusters, int dimension, double sigma0, string field)
    {
        var options = new ClusteredLinearRegressionOptions { Clusters = clusters, Dimension = dimension, Sigma0 = sigma0 };

        var error = Assert.Throws<ArgumentException>(() => new ClusteredLinearRegression(options, seed: 1));

        Assert.Equal(field, error.ParamName);
    }

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
