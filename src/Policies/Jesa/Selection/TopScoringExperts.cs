namespace EdgeMoE.Policies.Jesa.Selection;

/// <summary>The Top-k experts by gating score: the Top-k baseline and the Top-D fallback of DES (Remark 2).</summary>
public static class TopScoringExperts
{
    /// <summary>
    /// The <paramref name="count"/> experts with the highest scores, ascending by index. Equal scores go to the
    /// cheaper expert, then the lower index, so among the selections of maximum score this one has the least energy.
    /// </summary>
    /// <param name="scores">g_j ≥ 0.</param>
    /// <param name="energies">e_j ≥ 0 (J), same length.</param>
    /// <param name="count">k ≥ 0; at most the number of experts is taken.</param>
    /// <param name="positiveOnly">Skip experts of zero score (they add energy and no relevance).</param>
    public static int[] Select(ReadOnlySpan<double> scores, ReadOnlySpan<double> energies, int count, bool positiveOnly)
    {
        var order = new int[scores.Length];
        var size = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            if (!positiveOnly || scores[j] > 0)
            {
                order[size++] = j;
            }
        }

        var candidates = order.AsSpan(0, size);
        var s = scores.ToArray();
        var e = energies.ToArray();
        candidates.Sort((a, b) =>
        {
            var byScore = s[b].CompareTo(s[a]);
            if (byScore != 0)
            {
                return byScore;
            }

            var byEnergy = e[a].CompareTo(e[b]);
            return byEnergy != 0 ? byEnergy : a.CompareTo(b);
        });

        var chosen = candidates[..Math.Min(count, size)].ToArray();
        Array.Sort(chosen);
        return chosen;
    }
}
