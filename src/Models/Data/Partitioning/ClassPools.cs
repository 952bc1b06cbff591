namespace EdgeMoE.Models.Data.Partitioning;

/// <summary>The indices of each class, each list shuffled; what every partitioner draws from.</summary>
internal static class ClassPools
{
    /// <summary>Checks the arguments every partitioner shares and returns the shuffled pool of each class.</summary>
    public static int[][] Shuffled(IReadOnlyList<int> labels, int classes, int clients, Random random)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);

        var counts = new int[classes];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentException($"Label {label} of item {i} is outside [0, {classes}).", nameof(labels));
            }

            counts[label]++;
        }

        var pools = new int[classes][];
        for (var k = 0; k < classes; k++)
        {
            pools[k] = new int[counts[k]];
        }

        var filled = new int[classes];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            pools[label][filled[label]++] = i;
        }

        foreach (var pool in pools)
        {
            FisherYates.Shuffle(random, pool.AsSpan());
        }

        return pools;
    }
}
