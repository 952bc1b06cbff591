using Akka.Actor;
using EdgeMoE.Actors.Cluster.Wire;

namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>Writes and reads the state bytes of an <see cref="ActorSnapshot"/> with the wire's primitives.</summary>
internal static class SnapshotCodec
{
    /// <summary>A snapshot of <paramref name="actor"/> whose state <paramref name="write"/> writes; it returns the tensors.</summary>
    public static ActorSnapshot Take(long slot, string actor, Func<WireWriter, IReadOnlyList<NamedTensor>> write)
    {
        using var writer = new WireWriter(4096);
        var tensors = write(writer);
        return new ActorSnapshot(slot, actor, writer.ToArray(), tensors);
    }

    /// <summary>
    /// A snapshot of an actor holding tokens: <paramref name="write"/> writes the state and logs each token's image as
    /// its training-set index, which the snapshot carries instead of the pixels.
    /// </summary>
    public static ActorSnapshot Take(long slot, string actor, Func<WireWriter, SnapshotImageLog, IReadOnlyList<NamedTensor>> write)
    {
        var images = new SnapshotImageLog();
        return Take(slot, actor, w => write(w, images)) with { ImageIndices = images.ToArray() };
    }

    /// <summary>
    /// Reads the state of an actor holding tokens: <paramref name="read"/> takes each token's image from the source, in
    /// writing order, and must consume the state and every image.
    /// </summary>
    public static void Restore(ActorSnapshot snapshot, ActorSystem system, int imageSize, Action<WireReader, SnapshotImageSource> read)
    {
        var images = new SnapshotImageSource(snapshot, imageSize);
        Restore(snapshot, system, r => read(r, images));
        images.EnsureConsumed();
    }

    /// <summary>Reads <paramref name="snapshot"/>'s state with <paramref name="read"/>, which must consume all of it.</summary>
    public static void Restore(ActorSnapshot snapshot, ActorSystem system, Action<WireReader> read)
    {
        var reader = new WireReader(snapshot.State, "state of " + snapshot.Actor, (ExtendedActorSystem)system);
        read(reader);
        reader.EnsureConsumed();
    }
}
