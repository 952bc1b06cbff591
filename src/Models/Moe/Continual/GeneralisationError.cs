namespace EdgeMoE.Models.Moe.Continual;

/// <summary>
/// The overall generalisation error of a continual learner with several experts (arXiv 2406.16437, eq. for G_T):
/// G_t = (1/t)·Σ_{τ≤t} ‖w_t^(m_τ) − w_{n_τ}‖², every task learned so far judged by the current model of the expert
/// that learned it against its cluster's ground truth. Kept per (expert, cluster) count, so a step costs O(N·d).
/// </summary>
public sealed class GeneralisationError
{
    private readonly double[][] _groundTruths;
    private readonly int[,] _counts;
    private readonly double[] _contribution;
    private int _learned;

    /// <summary>A tracker for <paramref name="experts"/> experts judged against the N ground truths given.</summary>
    public GeneralisationError(IReadOnlyList<double[]> groundTruths, int experts)
    {
        ArgumentNullException.ThrowIfNull(groundTruths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(experts);
        _groundTruths = [.. groundTruths.Select(w => (double[])w.Clone())];
        _counts = new int[experts, _groundTruths.Length];
        _contribution = new double[experts];
    }

    /// <summary>Tasks learned so far (t of G_t; tasks no server took are not counted).</summary>
    public int Learned => _learned;

    /// <summary>Records that <paramref name="expert"/> learned a task of <paramref name="cluster"/> and now has <paramref name="weights"/>.</summary>
    public void Learn(int expert, int cluster, ReadOnlySpan<double> weights)
    {
        _counts[expert, cluster]++;
        _learned++;
        var total = 0.0;
        for (var n = 0; n < _groundTruths.Length; n++)
        {
            var count = _counts[expert, n];
            if (count > 0)
            {
                total += count * SquaredDistance(weights, _groundTruths[n]);
            }
        }

        _contribution[expert] = total;
    }

    /// <summary>G_t, the mean squared model error over the tasks learned so far (0 before any).</summary>
    public double Value
    {
        get
        {
            if (_learned == 0)
            {
                return 0;
            }

            var sum = 0.0;
            foreach (var c in _contribution)
            {
                sum += c;
            }

            return sum / _learned;
        }
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var diff = a[i] - b[i];
            sum += diff * diff;
        }

        return sum;
    }
}
