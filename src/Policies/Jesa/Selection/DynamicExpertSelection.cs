namespace EdgeMoE.Policies.Jesa.Selection;

/// <summary>
/// Dynamic Expert Selection (DES, paper Algorithm 1): the exact solution of
/// min Σ e_j·α_j subject to Σ g_j·α_j ≥ threshold, Σ α_j ≤ D, α_j ∈ {0, 1}, by depth-first branch and bound.
/// </summary>
/// <remarks>
/// Experts are ordered by energy-to-score ratio (best first) and a node branches on the next expert to include.
/// Three bounds prune a node whose undecided experts form the suffix q of that order: the LP relaxation of
/// eqs. 10–12 (greedy fractional cover of the remaining need, from prefix sums and a binary search), the
/// cardinality test (the r largest remaining scores must cover the need) and the cardinality energy bound (the
/// fewest experts that can cover the need cost at least the sum of that many smallest remaining energies).
/// All three only grow as q advances, so a failing bound ends the node's whole loop.
/// Experts of zero score never help meet the threshold and are left out. An instance keeps scratch buffers
/// between calls: use one instance per thread.
/// </remarks>
public sealed class DynamicExpertSelection
{
    private int _count;
    private int _slots;
    private int[] _index = [];
    private double[] _score = [];
    private double[] _energy = [];
    private double[] _ratio = [];
    private double[] _scorePrefix = [];
    private double[] _energyPrefix = [];
    private double[] _topScores = [];
    private double[] _lowEnergies = [];
    private double[] _keys = [];
    private int[] _path = [];
    private int[] _best = [];
    private int _bestSize;
    private double _bestEnergy;
    private double _tolerance;
    private long _nodes;

    /// <summary>Solves one hidden state with a fresh solver (allocates; prefer an instance in loops).</summary>
    public static ExpertSelection Select(ReadOnlySpan<double> scores, ReadOnlySpan<double> energies, double threshold, int maxExperts) =>
        new DynamicExpertSelection().Solve(scores, energies, threshold, maxExperts);

    /// <summary>Solves one hidden state.</summary>
    /// <param name="scores">Gating scores g_j ≥ 0, one per expert.</param>
    /// <param name="energies">Energies e_j ≥ 0 (J) of sending the hidden state to expert j and computing it there.</param>
    /// <param name="threshold">QoS threshold zγ^(l) on Σ g_j (C1); ≤ 0 makes the empty selection optimal.</param>
    /// <param name="maxExperts">D ≥ 0, the most experts that may be selected (C2).</param>
    /// <exception cref="ArgumentException">Lengths differ, or a score or energy is negative or not finite.</exception>
    public ExpertSelection Solve(ReadOnlySpan<double> scores, ReadOnlySpan<double> energies, double threshold, int maxExperts)
    {
        Validate(scores, energies, threshold, maxExperts);
        if (SelectionThreshold.IsMet(0, threshold))
        {
            return new ExpertSelection([], 0, 0, DesStatus.Optimal, 1);
        }

        Prepare(scores, energies, maxExperts);
        _tolerance = SelectionThreshold.Tolerance(threshold);
        var reachable = _topScores[_slots];
        if (_slots == 0 || !SelectionThreshold.IsMet(reachable, threshold))
        {
            var top = TopScoringExperts.Select(scores, energies, maxExperts, positiveOnly: true);
            return Result(top, scores, energies, DesStatus.TopDFallback, 0);
        }

        SeedIncumbent(threshold);
        _nodes = 0;
        Search(0, _slots, threshold, 0, 0);
        var selected = new int[_bestSize];
        for (var k = 0; k < _bestSize; k++)
        {
            selected[k] = _index[_best[k]];
        }

        Array.Sort(selected);
        return Result(selected, scores, energies, DesStatus.Optimal, _nodes);
    }

    private static void Validate(ReadOnlySpan<double> scores, ReadOnlySpan<double> energies, double threshold, int maxExperts)
    {
        if (scores.Length != energies.Length)
        {
            throw new ArgumentException($"scores has {scores.Length} entries but energies has {energies.Length}.", nameof(energies));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxExperts);
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold is NaN.", nameof(threshold));
        }

        for (var j = 0; j < scores.Length; j++)
        {
            if (!(scores[j] >= 0) || !double.IsFinite(scores[j]))
            {
                throw new ArgumentException($"scores[{j}] must be finite and ≥ 0, got {scores[j]}.", nameof(scores));
            }

            if (!(energies[j] >= 0) || !double.IsFinite(energies[j]))
            {
                throw new ArgumentException($"energies[{j}] must be finite and ≥ 0, got {energies[j]}.", nameof(energies));
            }
        }
    }

    private static ExpertSelection Result(int[] selected, ReadOnlySpan<double> scores, ReadOnlySpan<double> energies, DesStatus status, long nodes)
    {
        double energy = 0, score = 0;
        foreach (var j in selected)
        {
            energy += energies[j];
            score += scores[j];
        }

        return new ExpertSelection(selected, energy, score, status, nodes);
    }

    /// <summary>Sorts the positive-score experts by e/g (ties: lower index) and fills the bound tables.</summary>
    private void Prepare(ReadOnlySpan<double> scores, ReadOnlySpan<double> energies, int maxExperts)
    {
        var k = scores.Length;
        if (_index.Length < k)
        {
            _index = new int[k];
            _score = new double[k];
            _energy = new double[k];
            _ratio = new double[k];
            _keys = new double[k];
            _scorePrefix = new double[k + 1];
            _energyPrefix = new double[k + 1];
        }

        _count = 0;
        for (var j = 0; j < k; j++)
        {
            if (scores[j] > 0)
            {
                _index[_count] = j;
                _keys[_count] = energies[j] / scores[j];
                _count++;
            }
        }

        // Array.Sort is unstable; equal ratios are re-ordered by index below so the search is deterministic.
        Array.Sort(_keys, _index, 0, _count);
        for (var a = 0; a < _count;)
        {
            var b = a + 1;
            while (b < _count && _keys[b] == _keys[a])
            {
                b++;
            }

            if (b - a > 1)
            {
                Array.Sort(_index, a, b - a);
            }

            a = b;
        }

        for (var p = 0; p < _count; p++)
        {
            var j = _index[p];
            _score[p] = scores[j];
            _energy[p] = energies[j];
            _ratio[p] = _keys[p];
            _scorePrefix[p + 1] = _scorePrefix[p] + _score[p];
            _energyPrefix[p + 1] = _energyPrefix[p] + _energy[p];
        }

        _slots = Math.Min(maxExperts, _count);
        FillCardinalityTables();
        if (_path.Length < _slots + 1)
        {
            _path = new int[_slots + 1];
            _best = new int[_slots + 1];
        }
    }

    /// <summary>
    /// _topScores[q·(S+1)+r]: sum of the r largest scores among experts q..n-1;
    /// _lowEnergies[q·(S+1)+r]: sum of the r smallest energies among them (S = slots). O(n·S).
    /// </summary>
    private void FillCardinalityTables()
    {
        var width = _slots + 1;
        var size = (_count + 1) * width;
        if (_topScores.Length < size)
        {
            _topScores = new double[size];
            _lowEnergies = new double[size];
        }

        Span<double> high = stackalloc double[width];
        Span<double> low = stackalloc double[width];
        var held = 0;
        for (var q = _count; q >= 0; q--)
        {
            if (q < _count)
            {
                InsertDescending(high, held, _score[q]);
                InsertAscending(low, held, _energy[q]);
                held = Math.Min(held + 1, _slots);
            }

            var row = q * width;
            _topScores[row] = 0;
            _lowEnergies[row] = 0;
            for (var r = 1; r < width; r++)
            {
                var has = r <= held;
                _topScores[row + r] = _topScores[row + r - 1] + (has ? high[r - 1] : 0);
                _lowEnergies[row + r] = has ? _lowEnergies[row + r - 1] + low[r - 1] : double.PositiveInfinity;
            }
        }
    }

    private void InsertDescending(Span<double> kept, int held, double value)
    {
        var at = Math.Min(held, _slots - 1);
        if (at < 0 || (held == _slots && value <= kept[at]))
        {
            return;
        }

        while (at > 0 && kept[at - 1] < value)
        {
            kept[at] = kept[at - 1];
            at--;
        }

        kept[at] = value;
    }

    private void InsertAscending(Span<double> kept, int held, double value)
    {
        var at = Math.Min(held, _slots - 1);
        if (at < 0 || (held == _slots && value >= kept[at]))
        {
            return;
        }

        while (at > 0 && kept[at - 1] > value)
        {
            kept[at] = kept[at - 1];
            at--;
        }

        kept[at] = value;
    }

    /// <summary>A first incumbent: the Top-D by score, then drop the dearest experts while the threshold still holds.</summary>
    private void SeedIncumbent(double threshold)
    {
        // Top-S positions by score (ties: earlier position), kept sorted by descending score.
        var held = 0;
        for (var p = 0; p < _count; p++)
        {
            if (held == _slots && _score[p] <= _score[_best[held - 1]])
            {
                continue;
            }

            var at = Math.Min(held, _slots - 1);
            while (at > 0 && _score[_best[at - 1]] < _score[p])
            {
                _best[at] = _best[at - 1];
                at--;
            }

            _best[at] = p;
            held = Math.Min(held + 1, _slots);
        }

        var score = 0.0;
        for (var k = 0; k < held; k++)
        {
            score += _score[_best[k]];
        }

        // Dearest first: repeatedly drop the most expensive expert that the threshold can spare.
        var dropped = true;
        while (dropped)
        {
            dropped = false;
            var dearest = -1;
            for (var k = 0; k < held; k++)
            {
                var p = _best[k];
                if (SelectionThreshold.IsMet(score - _score[p], threshold) && (dearest < 0 || _energy[p] > _energy[_best[dearest]]))
                {
                    dearest = k;
                }
            }

            if (dearest >= 0)
            {
                score -= _score[_best[dearest]];
                _best[dearest] = _best[--held];
                dropped = true;
            }
        }

        _bestSize = held;
        _bestEnergy = 0;
        for (var k = 0; k < held; k++)
        {
            _bestEnergy += _energy[_best[k]];
        }
    }

    /// <summary>
    /// Explores the node whose experts before <paramref name="start"/> are decided, <paramref name="slots"/> may still
    /// be added, <paramref name="need"/> score is missing and <paramref name="cost"/> joules are spent.
    /// </summary>
    private void Search(int start, int slots, double need, double cost, int depth)
    {
        _nodes++;
        var width = _slots + 1;
        for (var q = start; q < _count; q++)
        {
            var row = q * width;
            if (_topScores[row + slots] < need - _tolerance)
            {
                break;
            }

            if (cost + LinearCover(q, need) >= _bestEnergy)
            {
                break;
            }

            var fewest = 1;
            while (_topScores[row + fewest] < need - _tolerance)
            {
                fewest++;
            }

            if (cost + _lowEnergies[row + fewest] >= _bestEnergy)
            {
                break;
            }

            var spent = cost + _energy[q];
            if (spent >= _bestEnergy)
            {
                continue;
            }

            _path[depth] = q;
            var left = need - _score[q];
            if (left <= _tolerance)
            {
                _bestEnergy = spent;
                _bestSize = depth + 1;
                Array.Copy(_path, _best, _bestSize);
                continue;
            }

            if (slots > 1)
            {
                Search(q + 1, slots - 1, left, spent, depth + 1);
            }
        }
    }

    /// <summary>
    /// The LP bound of eqs. 10–12 on experts q..n-1: cover <paramref name="need"/> greedily by ratio, the critical
    /// expert fractionally. Infinite when even all of them fall short.
    /// </summary>
    private double LinearCover(int q, double need)
    {
        var target = _scorePrefix[q] + need;
        var all = _energyPrefix[_count] - _energyPrefix[q];
        if (_scorePrefix[_count] < target)
        {
            // Short only by the threshold's slack: taking every remaining expert is then the cheapest cover.
            return _scorePrefix[_count] >= target - _tolerance ? all : double.PositiveInfinity;
        }

        // The critical expert c is the first with prefix[c + 1] ≥ target.
        int lo = q, hi = _count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_scorePrefix[mid + 1] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var partial = target - _scorePrefix[lo];
        return Math.Min(all, _energyPrefix[lo] - _energyPrefix[q] + (Math.Max(partial, 0) * _ratio[lo]));
    }
}
