using System.Numerics;

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
/// nodes: a token i' held by j and not by k gives the exchange arc j → k of cost w_i'j − w_i'k, the cheapest kept by
/// one vector segment tree per expert (<see cref="ExchangeTree"/>). Dijkstra with node potentials (reduced costs
/// ≥ 0, Johnson) runs on J + 1 nodes and stops when the sink is settled; unsettled nodes' potentials grow by the
/// sink distance, which keeps every reduced cost ≥ 0 (rounding residues below 0 are clamped to 0). A shortest walk in the collapsed graph may pass a token twice; it is then a shortest path plus zero-cost
/// cycles, uses every original arc at most once, and is as good as the path. Concavity keeps the sink arc of an
/// expert whose load just grew non-negative in reduced cost. Cost per unit: O(J·settled) plus O(J log n) tree work
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
        BMatchingShape.Validate(tokens, experts, unitsPerToken, gains);
        ArgumentNullException.ThrowIfNull(marginalGain);

        var search = new Search(tokens, experts, unitsPerToken, gains, marginalGain);
        try
        {
            return search.Run();
        }
        finally
        {
            search.Dispose();
        }
    }

    private sealed class Search(int tokens, int experts, int units, double[] gains, Func<int, long, double> marginalGain) : IDisposable
    {
        private readonly bool[] _assigned = new bool[tokens * experts];
        private readonly int[] _slot = new int[tokens * experts];
        private readonly long[] _loads = new long[experts];
        private readonly double[] _potential = new double[experts];
        private readonly double[] _sinkCost = new double[experts];
        private readonly ExchangeTree[] _trees = CreateTrees(experts);
        private readonly double[] _leaf = new double[experts];
        private readonly double[] _distance = new double[experts];
        private readonly double[] _open = new double[experts];
        private readonly double[] _closed = new double[experts];
        private readonly long[] _previous = new long[experts];
        private readonly List<(int Token, int From, int To)> _moves = [];
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
                _closed[k] = 0;
                _previous[k] = -1;
                _open[k] = _assigned[row + k]
                    ? double.PositiveInfinity
                    : Math.Max(0, sourcePotential - gains[row + k] - _potential[k]);
                _distance[k] = double.PositiveInfinity;
            }

            var sinkDistance = double.PositiveInfinity;
            var lastExpert = -1;
            while (true)
            {
                var u = NearestOpen();
                var best = u < 0 ? double.PositiveInfinity : _open[u];

                // Settling the sink first on ties ends the search as early as possible.
                if (u < 0 || sinkDistance <= best)
                {
                    break;
                }

                _distance[u] = best;
                _open[u] = double.PositiveInfinity;
                _closed[u] = double.PositiveInfinity;
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

        // Vectorised over targets k: open[k] = min(open[k], d(u) + max(0, cheapest[k] + p(u) − p(k))), settled k skipped.
        private void Relax(int u, double distanceOfU)
        {
            var cheapest = _trees[u].Cheapest;
            var k = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var from = new Vector<double>(_potential[u]);
                var start = new Vector<double>(distanceOfU);
                var source = new Vector<long>(u);
                for (; k <= experts - Vector<double>.Count; k += Vector<double>.Count)
                {
                    var reduced = Vector.Max(Vector<double>.Zero, new Vector<double>(cheapest[k..]) + from - new Vector<double>(_potential, k));
                    var candidate = start + reduced + new Vector<double>(_closed, k);
                    var open = new Vector<double>(_open, k);
                    var better = Vector.LessThan(candidate, open);
                    Vector.ConditionalSelect(better, candidate, open).CopyTo(_open, k);
                    Vector.ConditionalSelect(better, source, new Vector<long>(_previous, k)).CopyTo(_previous, k);
                }
            }

            for (; k < experts; k++)
            {
                var candidate = distanceOfU + Math.Max(0, cheapest[k] + _potential[u] - _potential[k]) + _closed[k];
                if (candidate < _open[k])
                {
                    _open[k] = candidate;
                    _previous[k] = u;
                }
            }
        }

        // The unsettled expert of smallest tentative distance (lowest index on ties), or −1 when none is reachable.
        private int NearestOpen()
        {
            var best = double.PositiveInfinity;
            var k = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var min = new Vector<double>(double.PositiveInfinity);
                for (; k <= experts - Vector<double>.Count; k += Vector<double>.Count)
                {
                    min = Vector.Min(min, new Vector<double>(_open, k));
                }

                for (var lane = 0; lane < Vector<double>.Count; lane++)
                {
                    best = Math.Min(best, min[lane]);
                }
            }

            for (; k < experts; k++)
            {
                best = Math.Min(best, _open[k]);
            }

            return double.IsPositiveInfinity(best) ? -1 : Array.IndexOf(_open, best);
        }

        private void AugmentAlong(int token, int lastExpert)
        {
            _loads[lastExpert]++;
            _sinkCost[lastExpert] = -marginalGain(lastExpert, _loads[lastExpert]);

            // Name every move before making any: the trees must still describe the flow Dijkstra searched.
            _moves.Clear();
            var v = lastExpert;
            while (_previous[v] >= 0)
            {
                var from = (int)_previous[v];
                _moves.Add((_trees[from].CheapestToken(v), from, v));
                v = from;
            }

            foreach (var (mover, from, to) in _moves)
            {
                Release(mover, from);
                Hold(mover, to);
            }

            Hold(token, v);
        }

        private void Hold(int token, int expert)
        {
            var row = token * experts;
            _assigned[row + expert] = true;
            for (var k = 0; k < experts; k++)
            {
                _leaf[k] = _assigned[row + k] ? double.PositiveInfinity : gains[row + expert] - gains[row + k];
            }

            _slot[row + expert] = _trees[expert].Insert(token, _leaf);
            for (var other = 0; other < experts; other++)
            {
                if (other != expert && _assigned[row + other])
                {
                    _trees[other].SetCost(_slot[row + other], expert, double.PositiveInfinity);
                }
            }
        }

        private void Release(int token, int expert)
        {
            var row = token * experts;
            _assigned[row + expert] = false;
            _trees[expert].Remove(_slot[row + expert]);
            for (var other = 0; other < experts; other++)
            {
                if (_assigned[row + other])
                {
                    _trees[other].SetCost(_slot[row + other], expert, gains[row + other] - gains[row + expert]);
                }
            }
        }

        public void Dispose()
        {
            foreach (var tree in _trees)
            {
                tree.Dispose();
            }
        }

        private static ExchangeTree[] CreateTrees(int experts)
        {
            var trees = new ExchangeTree[experts];
            for (var j = 0; j < experts; j++)
            {
                trees[j] = new ExchangeTree(experts);
            }

            return trees;
        }
    }
}
