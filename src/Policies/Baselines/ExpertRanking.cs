namespace EdgeMoE.Policies.Baselines;

/// <summary>Picks the <c>count</c> available experts with the smallest keys.</summary>
internal static class ExpertRanking
{
    /// <summary>Ties go to the lower expert index, so the choice needs no randomness.</summary>
    public static int[] Smallest(ReadOnlySpan<double> keys, IReadOnlyList<int> available, int count) =>
        SmallestInOrder(keys, available, count);

    /// <summary>
    /// Ties go to a uniformly drawn expert: the candidates are visited in a fresh seeded shuffle (Fisher–Yates), so
    /// equal keys do not always favour the same experts.
    /// </summary>
    public static int[] Smallest(ReadOnlySpan<double> keys, IReadOnlyList<int> available, int count, Random random)
    {
        var order = available.ToArray();
        for (var n = order.Length - 1; n > 0; n--)
        {
            var pick = random.Next(n + 1);
            (order[n], order[pick]) = (order[pick], order[n]);
        }

        return SmallestInOrder(keys, order, count);
    }

    // Strict < keeps the first of equal keys in visiting order.
    private static int[] SmallestInOrder(ReadOnlySpan<double> keys, IReadOnlyList<int> candidates, int count)
    {
        var chosen = new int[count];
        for (var n = 0; n < count; n++)
        {
            var best = -1;
            foreach (var j in candidates)
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
