using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// The checkpoint messages that cross nodes: the clock's request and the remote actors' states (also Props arguments on
/// resume, then with their token images attached, since edge nodes need not hold the data set).
/// </summary>
public static class SnapshotMessagesWire
{
    /// <summary>Writes a <see cref="CaptureState"/>.</summary>
    public static void Write(WireWriter w, CaptureState m) => w.WriteVarInt(m.Slot);

    /// <summary>Reads a <see cref="CaptureState"/>.</summary>
    public static CaptureState ReadCaptureState(WireReader r) => new(r.ReadVarInt());

    /// <summary>Writes an <see cref="ActorSnapshot"/>.</summary>
    public static void Write(WireWriter w, ActorSnapshot m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteString(m.Actor);
        w.WriteBytes(m.State);
        w.WriteCount(m.Tensors.Count);
        foreach (var tensor in m.Tensors)
        {
            w.WriteString(tensor.Name);
            w.WriteFloats(tensor.Values);
        }

        w.WriteInts(m.ImageIndices);
        w.WriteOptional(m.Images, (w, images) => PixelLevelsWire.Write(w, images));
    }

    /// <summary>Writes a <see cref="RestoreImages"/> part (8-bit images at one byte a pixel).</summary>
    public static void Write(WireWriter w, RestoreImages m)
    {
        w.WriteVarInt(m.Offset);
        PixelLevelsWire.Write(w, m.Pixels);
    }

    /// <summary>Reads a <see cref="RestoreImages"/> part.</summary>
    public static RestoreImages ReadRestoreImages(WireReader r) => new(r.ReadInt(), PixelLevelsWire.Read(r));

    /// <summary>Reads an <see cref="ActorSnapshot"/>.</summary>
    public static ActorSnapshot ReadActorSnapshot(WireReader r)
    {
        var slot = r.ReadVarInt();
        var actor = r.ReadString();
        var state = r.ReadBytes();
        var tensors = new NamedTensor[r.ReadCount()];
        for (var i = 0; i < tensors.Length; i++)
        {
            tensors[i] = new NamedTensor(r.ReadString(), r.ReadFloats());
        }

        return new ActorSnapshot(slot, actor, state, tensors) { ImageIndices = r.ReadInts(), Images = r.ReadOptional(PixelLevelsWire.Read) };
    }
}
