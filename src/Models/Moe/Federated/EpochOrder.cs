namespace EdgeMoE.Models.Moe.Federated;

/// <summary>The sample order of one epoch: a fresh shuffle from the client's generator, cut into mini-batches.</summary>
public static class EpochOrder
{
    /// <summary>A permutation of 0..<paramref name="count"/>−1 drawn from <paramref name="random"/>.</summary>
    public static int[] Shuffled(int count, Random random)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Data.FisherYates.Shuffle(random, order.AsSpan());
        return order;
    }

    /// <summary>Start and length of each mini-batch of <paramref name="batchSize"/> over <paramref name="count"/> samples (the last may be short).</summary>
    public static IEnumerable<(int Start, int Length)> Batches(int count, int batchSize)
    {
        for (var start = 0; start < count; start += batchSize)
        {
            yield return (start, Math.Min(batchSize, count - start));
        }
    }

    /// <summary>Copies rows <paramref name="indices"/> of a row-major [n, width] array into a new array.</summary>
    public static float[] Rows(float[] values, int width, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(values);
        var rows = new float[indices.Length * width];
        for (var i = 0; i < indices.Length; i++)
        {
            Array.Copy(values, indices[i] * width, rows, i * width, width);
        }

        return rows;
    }
}
