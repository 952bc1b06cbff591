using EdgeMoE.Models.Data.Regression;
using MathNet.Numerics.LinearAlgebra;

namespace EdgeMoE.Models.Moe.Continual;

/// <summary>
/// A linear expert of the MoE-for-MEC model (Lemma 1 of arXiv 2412.15690, after arXiv 2406.16437): on each task it
/// takes the model closest to its current one that fits the task's data exactly,
/// w ← w + X⁺(y − X·w), the minimum-norm change (X⁺ the Moore-Penrose pseudo-inverse, s_t &lt; d).
/// </summary>
public sealed class LinearExpert
{
    private readonly double[] _weights;

    /// <summary>An expert of <paramref name="dimension"/> weights, all zero as in the paper.</summary>
    public LinearExpert(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        _weights = new double[dimension];
    }

    /// <summary>The current weights w (d values).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>Tasks fitted so far.</summary>
    public int TasksFitted { get; private set; }

    /// <summary>Puts back weights and a task count read from <see cref="Weights"/> and <see cref="TasksFitted"/>.</summary>
    /// <exception cref="ArgumentException">Another number of weights.</exception>
    public void Restore(ReadOnlySpan<double> weights, int tasksFitted)
    {
        if (weights.Length != _weights.Length)
        {
            throw new ArgumentException($"{weights.Length} saved weights for an expert of {_weights.Length}", nameof(weights));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(tasksFitted);
        weights.CopyTo(_weights);
        TasksFitted = tasksFitted;
    }

    /// <summary>Fits <paramref name="task"/> with the minimum-norm change and returns ‖w_t − w_{t−1}‖₂.</summary>
    public double Fit(RegressionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Dimension != _weights.Length)
        {
            throw new ArgumentException($"task has {task.Dimension} features, the expert {_weights.Length}", nameof(task));
        }

        var x = Matrix<double>.Build.DenseOfRowMajor(task.SampleCount, task.Dimension, task.Features);
        var w = Vector<double>.Build.DenseOfArray(_weights);
        var residual = Vector<double>.Build.DenseOfArray(task.Targets) - (x * w);
        var change = x.PseudoInverse() * residual;
        var squared = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] += change[i];
            squared += change[i] * change[i];
        }

        TasksFitted++;
        return Math.Sqrt(squared);
    }
}
