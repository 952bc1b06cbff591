using EdgeMoE.Models.Data.Regression;

namespace EdgeMoE.Models.Moe.Continual;

/// <summary>The clustered linear-regression tasks as a task stream; the gate scores a task on Σ_i X_t,i.</summary>
/// <param name="stream">The generator (its seed fixes ground truths and tasks).</param>
public sealed class RegressionTaskStream(ClusteredLinearRegression stream) : ITaskStream<RegressionTask>
{
    /// <inheritdoc />
    public int Clusters => stream.Options.Clusters;

    /// <inheritdoc />
    public int Drawn { get; private set; }

    /// <inheritdoc />
    public void Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            stream.NextTask();
        }

        Drawn += count;
    }

    /// <inheritdoc />
    public OffloadedTask<RegressionTask> Next()
    {
        Drawn++;
        var task = stream.NextTask();
        var sum = new double[task.Dimension];
        for (var row = 0; row < task.SampleCount; row++)
        {
            var sample = task.Sample(row);
            for (var i = 0; i < sample.Length; i++)
            {
                sum[i] += sample[i];
            }
        }

        return new OffloadedTask<RegressionTask>(task.Cluster, sum, task);
    }
}
