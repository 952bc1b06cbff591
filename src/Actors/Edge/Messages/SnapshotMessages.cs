namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>
/// The clock asks an actor of the network for its state at the barrier after <paramref name="Slot"/> (every actor is
/// idle then: each one's last message of the slot was its report). The actor answers its <see cref="ActorSnapshot"/>.
/// </summary>
public sealed record CaptureState(long Slot);

/// <summary>
/// An actor's state at a slot barrier, for a checkpoint; given back to the actor a resumed run creates.
/// </summary>
/// <param name="Slot">The slot after which it was taken.</param>
/// <param name="Actor">The actor's stable role name in its network ("router", "server-3", ...).</param>
/// <param name="State">Queues, counters and generator states, in the actor's own layout (<see cref="Cluster.Wire.WireWriter"/>).</param>
/// <param name="Tensors">Its network's weights and optimiser moments, by name (float32); empty for actors without one.</param>
public sealed record ActorSnapshot(long Slot, string Actor, byte[] State, IReadOnlyList<NamedTensor> Tensors)
{
    /// <summary>
    /// The training-set index (0-based) of each token image the state refers to, in the order the actor wrote them;
    /// empty for actors without tokens. A checkpoint keeps these instead of the pixels (4 bytes instead of 784 or more).
    /// </summary>
    public int[] ImageIndices { get; init; } = [];

    /// <summary>
    /// The pixels of <see cref="ImageIndices"/>, image after image (indices × image size floats), which
    /// <see cref="SnapshotImages.Attach"/> gathers where the data set is before the actor is restored (it may live on a
    /// node without the data set); null in a snapshot as captured.
    /// </summary>
    public float[]? Images { get; init; }
}

/// <summary>One flat float32 tensor of a snapshot.</summary>
/// <param name="Name">Its name inside the actor ("weights", "adam.exp_avg", ...).</param>
/// <param name="Values">Its values.</param>
public sealed record NamedTensor(string Name, float[] Values);

/// <summary>The clock tells the observer the whole network's state after <paramref name="Slot"/>, ordered by actor name.</summary>
public sealed record NetworkSnapshot(long Slot, IReadOnlyList<ActorSnapshot> Actors);

/// <summary>
/// Part of the token images of a remote actor's restore snapshot, sent after the actor was deployed with the snapshot's
/// indices only: an overloaded server's queue holds more images than one remote message may carry (akka's
/// maximum-frame-size), so they follow in parts of at most <see cref="SnapshotImages.PartFloats"/> floats.
/// </summary>
/// <param name="Offset">Index, in the snapshot's <see cref="ActorSnapshot.ImageIndices"/>, of the first image in the part.</param>
/// <param name="Pixels">The part's images, image after image (float32).</param>
public sealed record RestoreImages(int Offset, float[] Pixels);
