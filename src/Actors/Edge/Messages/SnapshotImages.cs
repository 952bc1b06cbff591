using EdgeMoE.Models.Data;

namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>Turns a snapshot's token-image references back into pixels, where the training set is.</summary>
public static class SnapshotImages
{
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
