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
        var change = Change(task);
        var squared = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] += change[i];
            squared += change[i] * change[i];
        }

        TasksFitted++;
        return Math.Sqrt(squared);
    }

    /// <summary>‖X⁺(y − X·w)‖₂, the change <see cref="Fit"/> would make, without making it.</summary>
    public double ChangeToFit(RegressionTask task) => Change(task).L2Norm();

    // X⁺(y − X·w) = Xᵀ(X·Xᵀ)⁻¹(y − X·w) for the s_t × d matrix X of full row rank (s_t < d).
    private Vector<double> Change(RegressionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Dimension != _weights.Length)
        {
            throw new ArgumentException($"task has {task.Dimension} features, the expert {_weights.Length}", nameof(task));
        }

        var x = Matrix<double>.Build.DenseOfRowMajor(task.SampleCount, task.Dimension, task.Features);
        var w = Vector<double>.Build.DenseOfArray(_weights);
        var residual = Vector<double>.Build.DenseOfArray(task.Targets) - (x * w);
        if (task.SampleCount < task.Dimension)
        {
            try
            {
                // A Cholesky solve of the s_t × s_t Gram matrix costs a fraction of the SVD behind the pseudo-inverse.
                return x.TransposeThisAndMultiply(x.TransposeAndMultiply(x).Cholesky().Solve(residual));
            }
            catch (ArgumentException)
            {
                // X X^T is singular (rows that are not independent, e.g. sigma_t = 0): the pseudo-inverse below.
            }
        }

        return x.PseudoInverse() * residual;
    }
}
