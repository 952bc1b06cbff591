namespace EdgeMoE.Models.Data;

/// <summary>
/// The Fisher–Yates shuffle, written out so a seed keeps giving the same permutation whatever the
/// runtime's own <c>Random.Shuffle</c> does in later versions.
/// </summary>
internal static class FisherYates
{
    /// <summary>Permutes <paramref name="items"/> uniformly at random in place.</summary>
    public static void Shuffle<T>(Random random, Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// Moves a uniformly random set of <paramref name="count"/> distinct items, in random order, to the
    /// front of <paramref name="items"/> (a partial shuffle) and returns that prefix.
    /// </summary>
    public static Span<T> Choose<T>(Random random, Span<T> items, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, items.Length);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items[..count];
    }
}
