namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// FedAvg (McMahan et al., 2017): the average of the clients' parameters weighted by their sample counts. Sums run in
/// double in the order given (client order), so the result does not depend on which update arrived first.
/// </summary>
public static class FedAvg
{
    /// <summary>Σ_i w_i θ_i / Σ_i w_i over the updates (at least one; all of one shape; weights ≥ 0 with a positive sum).</summary>
    /// <param name="updates">θ_i, the reporting clients' parameters, in client order.</param>
    /// <param name="weights">w_i, usually the clients' sample counts.</param>
    public static ModelWeights Average(IReadOnlyList<ModelWeights> updates, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(weights);
        if (updates.Count == 0 || updates.Count != weights.Count)
        {
            throw new ArgumentException($"FedAvg needs at least one update and one weight per update; got {updates.Count} updates and {weights.Count} weights");
        }

        var total = weights.Sum();
        if (weights.Any(w => !(w >= 0) || double.IsInfinity(w)) || !(total > 0))
        {
            throw new ArgumentException("FedAvg weights must be finite, ≥ 0 and not all 0");
        }

        var first = updates[0];
        var averaged = new float[first.Values.Count][];
        for (var p = 0; p < first.Values.Count; p++)
        {
            var sum = new double[first.Values[p].Length];
            for (var i = 0; i < updates.Count; i++)
            {
                var values = updates[i].Values[p];
                if (values.Length != sum.Length || updates[i].Names[p] != first.Names[p])
                {
                    throw new ArgumentException($"update {i}: parameter {updates[i].Names[p]} does not match {first.Names[p]}");
                }

                var w = weights[i] / total;
                for (var j = 0; j < sum.Length; j++)
                {
                    sum[j] += w * values[j];
                }
            }

            averaged[p] = Array.ConvertAll(sum, v => (float)v);
        }

        return new ModelWeights(first.Names, averaged);
    }
}
