namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>Collects, while an actor writes its snapshot, the training-set index of each token image its state refers to.</summary>
internal sealed class SnapshotImageLog
{
    private readonly List<int> _indices = [];

    /// <summary>The state's next token image is training image <paramref name="index"/>.</summary>
    public void Add(int index) => _indices.Add(index);

    /// <summary>The indices in writing order.</summary>
    public int[] ToArray() => [.. _indices];
}
