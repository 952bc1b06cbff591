namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>Hands a restoring actor its snapshot's token images, in the order the actor wrote them (see <see cref="SnapshotImageLog"/>).</summary>
internal sealed class SnapshotImageSource
{
    private readonly ActorSnapshot _snapshot;
    private readonly int _imageSize;
    private int _next;

    /// <param name="snapshot">A snapshot whose <see cref="ActorSnapshot.Images"/> were attached (when it names any).</param>
    /// <param name="imageSize">Floats per image the actor expects.</param>
    /// <exception cref="InvalidOperationException">The images are missing or do not have that size.</exception>
    public SnapshotImageSource(ActorSnapshot snapshot, int imageSize)
    {
        var count = snapshot.ImageIndices.Length;
        if (count > 0 && snapshot.Images is null)
        {
            throw new InvalidOperationException($"state of {snapshot.Actor} names {count} token images but carries no pixels (SnapshotImages.Attach was not applied)");
        }

        if (count > 0 && snapshot.Images!.Length != (long)count * imageSize)
        {
            throw new InvalidOperationException($"state of {snapshot.Actor}: {snapshot.Images.Length} pixels for {count} images of {imageSize}");
        }

        _snapshot = snapshot;
        _imageSize = imageSize;
    }

    /// <summary>The next token image: its training-set index and its pixels (a slice shared by the snapshot's tokens, read-only).</summary>
    /// <exception cref="InvalidOperationException">The state names more images than the snapshot lists.</exception>
    public (int Index, ReadOnlyMemory<float> Image) Next()
    {
        if (_next == _snapshot.ImageIndices.Length)
        {
            throw new InvalidOperationException($"state of {_snapshot.Actor} refers to more than its {_next} token images");
        }

        var k = _next++;
        return (_snapshot.ImageIndices[k], _snapshot.Images.AsMemory(k * _imageSize, _imageSize));
    }

    /// <summary>Checks that the state referred to every image of the snapshot.</summary>
    /// <exception cref="InvalidOperationException">Some were left over.</exception>
    public void EnsureConsumed()
    {
        if (_next != _snapshot.ImageIndices.Length)
        {
            throw new InvalidOperationException($"state of {_snapshot.Actor} refers to {_next} of its {_snapshot.ImageIndices.Length} token images");
        }
    }
}
