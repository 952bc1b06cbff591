using EdgeMoE.Models.Data;

namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>Turns a snapshot's token-image references back into pixels, where the training set is.</summary>
public static class SnapshotImages
{
    /// <summary>
    /// Most floats in one <see cref="RestoreImages"/> part: 8 MB at 4 bytes a pixel, a quarter of the shipped
    /// akka.remote.dot-netty.tcp.maximum-frame-size.
    /// </summary>
    public const int PartFloats = 2 * 1024 * 1024;

    /// <summary>
    /// <paramref name="snapshot"/>'s attached images cut into <see cref="RestoreImages"/> parts of whole images, in
    /// order, for an actor deployed with <paramref name="snapshot"/> minus its images (<see cref="WithoutImages"/>).
    /// </summary>
    /// <param name="imageSize">Floats per image.</param>
    public static IEnumerable<RestoreImages> Parts(ActorSnapshot snapshot, int imageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageSize);
        var images = snapshot.Images ?? [];
        var perPart = Math.Max(1, PartFloats / imageSize);
        var count = snapshot.ImageIndices.Length;
        for (var first = 0; first < count; first += perPart)
        {
            var taken = Math.Min(perPart, count - first);
            yield return new RestoreImages(first, images.AsSpan(first * imageSize, taken * imageSize).ToArray());
        }
    }

    /// <summary><paramref name="snapshot"/> without its pixels (they follow as <see cref="Parts"/>); itself when it has none.</summary>
    public static ActorSnapshot WithoutImages(ActorSnapshot snapshot) => snapshot.Images is null ? snapshot : snapshot with { Images = null };

    /// <summary>True when <paramref name="snapshot"/> names token images whose pixels are not attached yet.</summary>
    public static bool AwaitsImages(ActorSnapshot snapshot) => snapshot.ImageIndices.Length > 0 && snapshot.Images is null;

    /// <summary>The first of <paramref name="snapshot"/>'s image indices outside a training set of <paramref name="count"/> images, or null when all fit.</summary>
    public static int? FirstOutOfRange(ActorSnapshot snapshot, int count)
    {
        foreach (var index in snapshot.ImageIndices)
        {
            if ((uint)index >= (uint)count)
            {
                return index;
            }
        }

        return null;
    }

    /// <summary><paramref name="snapshot"/> with the pixels of its image indices gathered from <paramref name="train"/> (the set the tokens were drawn from).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index lies outside <paramref name="train"/> (callers refuse such checkpoints first, naming the file).</exception>
    public static ActorSnapshot Attach(ActorSnapshot snapshot, LabeledImages train)
    {
        if (FirstOutOfRange(snapshot, train.Count) is { } bad)
        {
            throw new ArgumentOutOfRangeException(nameof(snapshot), $"state of {snapshot.Actor} names image {bad} of a training set of {train.Count}");
        }

        if (snapshot.ImageIndices.Length == 0)
        {
            return snapshot;
        }

        var pixels = new float[(long)snapshot.ImageIndices.Length * train.ImageSize];
        train.Gather(snapshot.ImageIndices, pixels, new int[snapshot.ImageIndices.Length]);
        return snapshot with { Images = pixels };
    }
}
