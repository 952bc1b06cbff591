namespace EdgeMoE.Policies.Assignment;

/// <summary>
/// Exact maximum-gain b-matching with concave separable expert utilities: every token takes exactly
/// <c>unitsPerToken</c> distinct experts, pair (i, j) gains w_ij, and expert j gains h_j(r_j) for its load r_j,
/// given by its marginals Δh_j(r) = h_j(r+1) − h_j(r), which must not increase in r (h_j concave).
/// </summary>
/// <remarks>
/// <para>Model: a flow network source → token i (supply exactly K) → expert j (arc capacity 1, gain w_ij) → sink
/// through parallel unit arcs of gains Δh_j(0) ≥ Δh_j(1) ≥ … (uncapacitated in total). Because the marginals
/// fall, a flow uses each expert's sink arcs as a prefix, so its gain is Σ w·x + Σ h_j(r_j): the b-matching is
/// exactly a min-cost flow with convex costs, whose optimum is integral. Every flow of value n·K is a feasible
/// routing and vice versa, so negative marginals are taken when the supply demands it.</para>
/// <para>Algorithm: successive shortest paths, one token unit at a time, tokens in order. A flow is optimal for its
/// supplies iff its residual graph has no negative cycle; adding a token (no incoming arcs) keeps that, and
/// augmenting along a shortest source-to-sink path preserves it. The residual graph is collapsed onto the J expert
/// nodes: a token i' held by j and not by k gives the exchange arc j → k of cost w_i'j − w_i'k, the cheapest kept in
/// a lazy heap per (j, k). Dijkstra with node potentials (reduced costs ≥ 0, Johnson) runs on J + 1 nodes and stops
/// when the sink is settled; unsettled nodes' potentials grow by the sink distance, which keeps every reduced cost
/// ≥ 0. A shortest walk in the collapsed graph may pass a token twice; it is then a shortest path plus zero-cost
/// cycles, uses every original arc at most once, and is as good as the path. Concavity keeps the sink arc of an
/// expert whose load just grew non-negative in reduced cost. Cost per unit: O(J·settled) plus O(J log n) heap work
/// per token moved.</para>
/// </remarks>
public static class ConcaveBMatching
{
    /// <summary>Solves the b-matching.</summary>
    /// <param name="tokens">Number of tokens n (≥ 0).</param>
    /// <param name="experts">Number of experts J (≥ 0).</param>
    /// <param name="unitsPerToken">Distinct experts each token takes, 0 ≤ K ≤ J.</param>
    /// <param name="gains">w_ij, row-major n × J.</param>
    /// <param name="marginalGain">Δh_j(r) for expert j at load r; nonincreasing in r for each j.</param>
    public static ConcaveBMatchingResult Solve(
        int tokens, int experts, int unitsPerToken, double[] gains, Func<int, long, double> marginalGain)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(experts);
        ArgumentOutOfRangeException.ThrowIfNegative(unitsPerToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unitsPerToken, experts);
        ArgumentNullException.ThrowIfNull(gains);
        ArgumentNullException.ThrowIfNull(marginalGain);
        if (gains.Length != (long)tokens * experts)
        {
            throw new ArgumentException($"expected {tokens} × {experts} gains, got {gains.Length}", nameof(gains));
        }

        return new Search(tokens, experts, unitsPerToken, gains, marginalGain).Run();
    }

    private sealed class Search(int tokens, int experts, int units, double[] gains, Func<int, long, double> marginalGain)
    {
        private readonly bool[] _assigned = new bool[tokens * experts];
        private readonly long[] _loads = new long[experts];
        private readonly double[] _potential = new double[experts];
        private readonly double[] _sinkCost = new double[experts];
        private readonly ExchangeHeap?[] _heaps = new ExchangeHeap?[experts * experts];
        private readonly double[] _distance = new double[experts];
        private readonly bool[] _settled = new bool[experts];
        private readonly int[] _previous = new int[experts];
        private readonly int[] _mover = new int[experts];
        private readonly List<(int Token, int Expert, bool Added)> _flips = [];
        private double _sinkPotential;

        public ConcaveBMatchingResult Run()
        {
            if (units == 0 || tokens == 0)
            {
                return new ConcaveBMatchingResult(Enumerable.Range(0, tokens).Select(_ => Array.Empty<int>()).ToArray(), _loads, 0);
            }

            _sinkPotential = double.PositiveInfinity;
            for (var j = 0; j < experts; j++)
            {
                _sinkCost[j] = -marginalGain(j, 0);
                _sinkPotential = Math.Min(_sinkPotential, _sinkCost[j]);
            }

            long augmentations = 0;
            for (var i = 0; i < tokens; i++)
            {
                for (var unit = 0; unit < units; unit++)
                {
                    Augment(i);
                    augmentations++;
                }
            }

            var assignment = new int[tokens][];
            for (var i = 0; i < tokens; i++)
            {
                var route = new int[units];
                var next = 0;
                for (var j = 0; j < experts; j++)
                {
                    if (_assigned[(i * experts) + j])
                    {
                        route[next++] = j;
                    }
                }

                assignment[i] = route;
            }

            return new ConcaveBMatchingResult(assignment, _loads, augmentations);
        }

        private void Augment(int token)
        {
            var row = token * experts;

            // The source's potential makes every source arc's reduced cost ≥ 0, the cheapest exactly 0.
            var sourcePotential = double.NegativeInfinity;
            for (var k = 0; k < experts; k++)
            {
                if (!_assigned[row + k])
                {
                    sourcePotential = Math.Max(sourcePotential, _potential[k] + gains[row + k]);
                }
            }

            for (var k = 0; k < experts; k++)
            {
                _settled[k] = false;
                _previous[k] = -1;
                _distance[k] = _assigned[row + k]
                    ? double.PositiveInfinity
                    : Math.Max(0, sourcePotential - gains[row + k] - _potential[k]);
            }

            var sinkDistance = double.PositiveInfinity;
            var lastExpert = -1;
            while (true)
            {
                var u = -1;
                var best = double.PositiveInfinity;
                for (var k = 0; k < experts; k++)
                {
                    if (!_settled[k] && _distance[k] < best)
                    {
                        best = _distance[k];
                        u = k;
                    }
                }

                // Settling the sink first on ties ends the search as early as possible.
                if (u < 0 || sinkDistance <= best)
                {
                    break;
                }

                _settled[u] = true;
                var viaSink = best + Math.Max(0, _sinkCost[u] + _potential[u] - _sinkPotential);
                if (viaSink < sinkDistance)
                {
                    sinkDistance = viaSink;
                    lastExpert = u;
                }

                Relax(u, best);
            }

            if (lastExpert < 0)
            {
                throw new InvalidOperationException("no augmenting path: a token has no expert left to take");
            }

            for (var k = 0; k < experts; k++)
            {
                _potential[k] += Math.Min(_distance[k], sinkDistance);
            }

            _sinkPotential += sinkDistance;
            AugmentAlong(token, lastExpert);
        }

        private void Relax(int u, double distanceOfU)
        {
            var heapRow = u * experts;
            for (var k = 0; k < experts; k++)
            {
                if (_settled[k])
                {
                    continue;
                }

                var heap = _heaps[heapRow + k];
                if (heap is null || !DropStaleTop(heap, u, k))
                {
                    continue;
                }

                var candidate = distanceOfU + Math.Max(0, heap.TopCost + _potential[u] - _potential[k]);
                if (candidate < _distance[k])
                {
                    _distance[k] = candidate;
                    _previous[k] = u;
                    _mover[k] = heap.TopToken;
                }
            }
        }

        // True when the heap's top is a token that still holds `from` and not `to`.
        private bool DropStaleTop(ExchangeHeap heap, int from, int to)
        {
            while (heap.Count > 0)
            {
                var row = heap.TopToken * experts;
                if (_assigned[row + from] && !_assigned[row + to])
                {
                    return true;
                }

                heap.Pop();
            }

            return false;
        }

        private void AugmentAlong(int token, int lastExpert)
        {
            _flips.Clear();
            var v = lastExpert;
            _loads[v]++;
            _sinkCost[v] = -marginalGain(v, _loads[v]);
            while (_previous[v] >= 0)
            {
                var from = _previous[v];
                Flip(_mover[v], from, added: false);
                Flip(_mover[v], v, added: true);
                v = from;
            }

            Flip(token, v, added: true);

            // New exchange arcs: from a newly held expert to every expert not held, and into a newly freed one.
            foreach (var (t, e, added) in _flips)
            {
                var row = t * experts;
                if (_assigned[row + e] != added)
                {
                    continue;
                }

                for (var other = 0; other < experts; other++)
                {
                    if (added && !_assigned[row + other])
                    {
                        Push(e, other, gains[row + e] - gains[row + other], t);
                    }
                    else if (!added && _assigned[row + other])
                    {
                        Push(other, e, gains[row + other] - gains[row + e], t);
                    }
                }
            }
        }

        private void Flip(int token, int expert, bool added)
        {
            _assigned[(token * experts) + expert] = added;
            _flips.Add((token, expert, added));
        }

        private void Push(int from, int to, double cost, int token)
        {
            var index = (from * experts) + to;
            var heap = _heaps[index] ??= new ExchangeHeap();
            heap.Push(cost, token);
        }
    }
}
