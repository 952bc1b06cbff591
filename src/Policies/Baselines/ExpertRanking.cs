namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// Picks the <c>count</c> available experts with the smallest keys. Ties go to the lower expert index, so every
/// baseline is deterministic.
/// </summary>
internal static class ExpertRanking
{
    public static int[] Smallest(ReadOnlySpan<double> keys, IReadOnlyList<int> available, int count)
    {
        var chosen = new int[count];
        for (var n = 0; n < count; n++)
        {
            var best = -1;
            foreach (var j in available)
            {
                if (Array.IndexOf(chosen, j, 0, n) >= 0)
                {
                    continue;
                }

                if (best < 0 || keys[j] < keys[best])
                {
                    best = j;
                }
            }

            chosen[n] = best;
        }

        return chosen;
    }
}
