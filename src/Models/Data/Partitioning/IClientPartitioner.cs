namespace EdgeMoE.Models.Data.Partitioning;

/// <summary>
/// Splits a labelled data set among federated clients. Each client receives a list of indices into the
/// data set; no index is given to two clients (or twice to one). The split is a pure function of the
/// labels, the client count and the state of <c>random</c>.
/// </summary>
public interface IClientPartitioner
{
    /// <summary>
    /// Returns one index list per client (<paramref name="clients"/> lists).
    /// Throws <see cref="ArgumentException"/> when the data set cannot satisfy the partitioner.
    /// </summary>
    /// <param name="labels">The class of each item, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">Number of classes, ≥ 1.</param>
    /// <param name="clients">Number of clients, ≥ 1.</param>
    /// <param name="random">The generator all draws come from.</param>
    int[][] Partition(IReadOnlyList<int> labels, int classes, int clients, Random random);
}
