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

    /// <summary>Reads <paramref name="snapshot"/>'s state with <paramref name="read"/>, which must consume all of it.</summary>
    public static void Restore(ActorSnapshot snapshot, ActorSystem system, Action<WireReader> read)
    {
        var reader = new WireReader(snapshot.State, "state of " + snapshot.Actor, (ExtendedActorSystem)system);
        read(reader);
        reader.EnsureConsumed();
    }
}
