namespace EdgeMoE.Models.Data.Partitioning;

/// <summary>
/// IID split: the items are shuffled and dealt out, so every client sees the global class mix up to
/// sampling noise.
/// </summary>
/// <param name="samplesPerClient">
/// Items per client, ≥ 1; null shares all items, client sizes then differing by at most one.
/// </param>
public sealed class IidPartitioner(int? samplesPerClient = null) : IClientPartitioner
{
    /// <summary>Items per client, or null for an even split of all items.</summary>
    public int? SamplesPerClient { get; } = samplesPerClient is null or >= 1
        ? samplesPerClient
        : throw new ArgumentOutOfRangeException(nameof(samplesPerClient), samplesPerClient, "Samples per client must be ≥ 1.");

    /// <inheritdoc />
    public int[][] Partition(IReadOnlyList<int> labels, int classes, int clients, Random random)
    {
        // Validates the labels; the pools themselves are not needed for an IID split.
        _ = ClassPools.Shuffled(labels, classes, clients, random);

        var order = new int[labels.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        FisherYates.Shuffle(random, order.AsSpan());

        if (SamplesPerClient is { } perClient && (long)perClient * clients > order.Length)
        {
            throw new ArgumentException(
                $"{clients} clients × {perClient} samples need {(long)perClient * clients} items; the data set has {order.Length}.",
                nameof(labels));
        }

        var parts = new int[clients][];
        var start = 0;
        for (var c = 0; c < clients; c++)
        {
            var size = SamplesPerClient ?? ((order.Length / clients) + (c < order.Length % clients ? 1 : 0));
            parts[c] = order.AsSpan(start, size).ToArray();
            start += size;
        }

        return parts;
    }
}
