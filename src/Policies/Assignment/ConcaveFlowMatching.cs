using Google.OrTools.Graph;

namespace EdgeMoE.Policies.Assignment;

/// <summary>
/// Exact maximum-gain b-matching with concave separable expert utilities, solved as a min-cost flow by OR-Tools'
/// SimpleMinCostFlow: every token takes exactly <c>unitsPerToken</c> distinct experts, pair (i, j) gains w_ij and
/// expert j gains h_j(r_j) for its load r_j, given by its marginals Δh_j(r) = h_j(r+1) − h_j(r) (non-increasing).
/// </summary>
/// <remarks>
/// <para>Network: token i (supply K) → (i, j) arc of capacity 1 and cost −w_ij → expert j → sink (demand n·K)
/// through unit arcs of costs −Δh_j(0) ≤ −Δh_j(1) ≤ …; the constant tail of the marginals is one arc of the
/// remaining capacity. Rising costs make every flow fill an expert's arcs in order, so its cost is −(Σw + Σh).</para>
/// <para>OR-Tools takes int64 costs: they are multiplied by 2^e and rounded, e the largest exponent that keeps the
/// total |cost|·capacity within 2^62 and the largest cost within OR-Tools' price range (it multiplies costs by the
/// node count and moves prices by about that much again). Each cost then errs by at most 2^−e (rounding, plus
/// one unit where float noise broke the order of an expert's marginals), and a flow path has two costed arcs, so
/// the chosen matching is within <see cref="ConcaveFlowMatchingResult.RoundingBound"/> = 4·n·K·2^−e of the optimum.</para>
/// </remarks>
public static class ConcaveFlowMatching
{
    private const double CostBudget = 4.611686018427388e18; // 2^62

    /// <summary>Solves the b-matching.</summary>
    /// <param name="tokens">Number of tokens n (≥ 0).</param>
    /// <param name="experts">Number of experts J (≥ 0).</param>
    /// <param name="unitsPerToken">Distinct experts each token takes, 0 ≤ K ≤ J.</param>
    /// <param name="gains">w_ij, row-major n × J, finite.</param>
    /// <param name="marginals">
    /// Per expert j, Δh_j(0), Δh_j(1), …, non-increasing and finite; the last entry holds for every larger load (at
    /// least one entry per expert).
    /// </param>
    /// <exception cref="InvalidOperationException">OR-Tools ends with a status other than OPTIMAL (named, with the sizes).</exception>
    public static ConcaveFlowMatchingResult Solve(int tokens, int experts, int unitsPerToken, double[] gains, IReadOnlyList<double[]> marginals)
    {
        Validate(tokens, experts, unitsPerToken, gains, marginals);
        if (tokens == 0 || unitsPerToken == 0)
        {
            return new ConcaveFlowMatchingResult(Enumerable.Range(0, tokens).Select(_ => Array.Empty<int>()).ToArray(), new long[experts], 0);
        }

        var sinkArcs = 0;
        for (var j = 0; j < experts; j++)
        {
            sinkArcs += Math.Min(marginals[j].Length, tokens);
        }

        var nodes = tokens + experts + 1;
        var exponent = ScaleExponent(tokens, experts, gains, marginals, nodes);
        var scale = Math.ScaleB(1.0, exponent);
        var sink = tokens + experts;
        using var flow = new MinCostFlow(nodes, (tokens * experts) + sinkArcs);

        // Pair arcs first, so arc (i, j) has index i·J + j.
        for (var i = 0; i < tokens; i++)
        {
            for (var j = 0; j < experts; j++)
            {
                flow.AddArcWithCapacityAndUnitCost(i, tokens + j, 1, (long)Math.Round(-gains[(i * experts) + j] * scale));
            }

            flow.SetNodeSupply(i, unitsPerToken);
        }

        for (var j = 0; j < experts; j++)
        {
            var values = marginals[j];
            var previous = long.MinValue;
            var units = Math.Min(values.Length, tokens);
            for (var r = 0; r < units; r++)
            {
                var cost = Math.Max(previous, (long)Math.Round(-values[r] * scale));
                previous = cost;
                var capacity = r == values.Length - 1 ? tokens - r : 1;
                flow.AddArcWithCapacityAndUnitCost(tokens + j, sink, capacity, cost);
            }
        }

        flow.SetNodeSupply(sink, -(long)tokens * unitsPerToken);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException(
                $"OR-Tools min-cost flow ended with status {status} on a slot of {tokens} tokens, {experts} experts and K = {unitsPerToken} (cost scale 2^{exponent})");
        }

        var assignment = new int[tokens][];
        var loads = new long[experts];
        for (var i = 0; i < tokens; i++)
        {
            var route = new int[unitsPerToken];
            var next = 0;
            for (var j = 0; j < experts; j++)
            {
                if (flow.Flow((i * experts) + j) > 0)
                {
                    route[next++] = j;
                    loads[j]++;
                }
            }

            assignment[i] = route;
        }

        return new ConcaveFlowMatchingResult(assignment, loads, 4.0 * tokens * unitsPerToken / scale);
    }

    // The largest e with Σ|cost|·capacity·2^e ≤ 2^62 and max|cost|·2^e·4·(nodes + 1)² ≤ 2^62.
    private static int ScaleExponent(int tokens, int experts, double[] gains, IReadOnlyList<double[]> marginals, int nodes)
    {
        var total = 0.0;
        var largest = 0.0;
        foreach (var g in gains)
        {
            total += Math.Abs(g);
            largest = Math.Max(largest, Math.Abs(g));
        }

        for (var j = 0; j < experts; j++)
        {
            var values = marginals[j];
            var units = Math.Min(values.Length, tokens);
            for (var r = 0; r < units; r++)
            {
                var capacity = r == values.Length - 1 ? tokens - r : 1;
                total += Math.Abs(values[r]) * capacity;
                largest = Math.Max(largest, Math.Abs(values[r]));
            }
        }

        if (largest == 0)
        {
            return 0;
        }

        // Clamped so that 2^e stays a finite, normal double even for absurd magnitudes (OR-Tools then refuses them).
        var priceRange = 4.0 * (nodes + 1.0) * (nodes + 1.0) * largest;
        var bound = CostBudget / Math.Max(total, priceRange);
        return bound > 0 && double.IsFinite(bound) ? Math.Clamp(Math.ILogB(bound), -1020, 1020) : bound > 0 ? 1020 : -1020;
    }

    private static void Validate(int tokens, int experts, int unitsPerToken, double[] gains, IReadOnlyList<double[]> marginals)
    {
        BMatchingShape.Validate(tokens, experts, unitsPerToken, gains);
        ArgumentNullException.ThrowIfNull(marginals);

        if (marginals.Count != experts)
        {
            throw new ArgumentException($"expected marginals for {experts} experts, got {marginals.Count}", nameof(marginals));
        }

        for (var k = 0; k < gains.Length; k++)
        {
            if (!double.IsFinite(gains[k]))
            {
                throw new ArgumentException($"gain of token {k / experts} for expert {k % experts} must be finite, got {gains[k]}", nameof(gains));
            }
        }

        for (var j = 0; j < experts; j++)
        {
            if (marginals[j] is not { Length: > 0 } values || !Array.TrueForAll(values, double.IsFinite))
            {
                throw new ArgumentException($"expert {j} needs at least one marginal, all finite", nameof(marginals));
            }
        }
    }
}
