namespace EdgeMoE.Models.Moe.Continual;

/// <summary>
/// The overall generalisation error of a continual learner with several experts (arXiv 2406.16437):
/// G_t = (1/t)·Σ_{τ≤t} L_{n_τ}(current model of m_τ), every task learned so far judged by the current model of the
/// expert that learned it on its own cluster (‖w_t^(m_τ) − w_{n_τ}‖² for linear experts, a test error for networks).
/// Kept as per-(expert, cluster) counts, so a step costs O(N).
/// </summary>
public sealed class GeneralisationError
{
    private readonly int[,] _counts;
    private readonly double[] _contribution;
    private readonly int _clusters;
    private int _learned;

    /// <summary>A tracker for <paramref name="experts"/> experts over <paramref name="clusters"/> clusters.</summary>
    public GeneralisationError(int clusters, int experts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(experts);
        _clusters = clusters;
        _counts = new int[experts, clusters];
        _contribution = new double[experts];
    }

    /// <summary>Tasks learned so far (t of G_t; tasks no server took are not counted).</summary>
    public int Learned => _learned;

    /// <summary>
    /// Records that <paramref name="expert"/> learned a task of <paramref name="cluster"/> and now has error
    /// <paramref name="errorByCluster"/>[n] on cluster n.
    /// </summary>
    public void Learn(int expert, int cluster, ReadOnlySpan<double> errorByCluster)
    {
        if (errorByCluster.Length != _clusters)
        {
            throw new ArgumentException($"{errorByCluster.Length} errors for {_clusters} clusters", nameof(errorByCluster));
        }

        _counts[expert, cluster]++;
        _learned++;
        var total = 0.0;
        for (var n = 0; n < _clusters; n++)
        {
            total += _counts[expert, n] * errorByCluster[n];
        }

        _contribution[expert] = total;
    }

    /// <summary>Its whole state, for a checkpoint.</summary>
    public GeneralisationErrorState Save() => new([.. _counts.Cast<int>()], (double[])_contribution.Clone(), _learned);

    /// <summary>Puts back what <see cref="Save"/> gave (of a tracker of the same size).</summary>
    /// <exception cref="ArgumentException">Another size.</exception>
    public void Restore(GeneralisationErrorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (counts, contributions, learned) = (state.Counts, state.Contributions, state.Learned);
        var experts = _contribution.Length;
        if (counts.Length != experts * _clusters || contributions.Length != experts)
        {
            throw new ArgumentException($"saved error state of {counts.Length} counts and {contributions.Length} experts, expected {experts * _clusters} and {experts}", nameof(counts));
        }

        for (var m = 0; m < experts; m++)
        {
            for (var n = 0; n < _clusters; n++)
            {
                _counts[m, n] = counts[(m * _clusters) + n];
            }
        }

        contributions.CopyTo(_contribution, 0);
        _learned = learned;
    }

    /// <summary>G_t, the mean error over the tasks learned so far (0 before any).</summary>
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
}

/// <summary>The state of a <see cref="GeneralisationError"/>.</summary>
/// <param name="Counts">Tasks of each cluster each expert learned, expert by expert (experts·clusters values).</param>
/// <param name="Contributions">Per expert, Σ_n count·error.</param>
/// <param name="Learned">Tasks learned so far.</param>
public sealed record GeneralisationErrorState(int[] Counts, double[] Contributions, int Learned);
