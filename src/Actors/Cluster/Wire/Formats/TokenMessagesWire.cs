using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>The token protocol's messages on the wire: tensors as raw little-endian float32.</summary>
public static class TokenMessagesWire
{
    /// <summary>Writes a <see cref="TokenBatch"/>.</summary>
    public static void Write(WireWriter w, TokenBatch m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteLongs(m.TokenIds);
        w.WriteInts(m.Labels);
        w.WriteInts(m.ImageIndices);
        w.WriteFloats(m.Pixels);
        w.WriteTimeSpan(m.ArrivesAt);
    }

    /// <summary>Reads a <see cref="TokenBatch"/>.</summary>
    public static TokenBatch ReadTokenBatch(WireReader r) =>
        new(r.ReadVarInt(), r.ReadLongs(), r.ReadInts(), r.ReadInts(), r.ReadFloats(), r.ReadTimeSpan());

    /// <summary>Writes a <see cref="TokenDispatch"/>.</summary>
    public static void Write(WireWriter w, TokenDispatch m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Server);
        w.WriteLongs(m.TokenIds);
        w.WriteInts(m.ImageIndices);
        w.WriteFloats(m.Pixels);
        w.WriteDouble(m.FrequencyHz);
        w.WriteTimeSpan(m.ArrivesAt);
        w.WriteVarInt(m.CompletionCap);
    }

    /// <summary>Reads a <see cref="TokenDispatch"/>.</summary>
    public static TokenDispatch ReadTokenDispatch(WireReader r) =>
        new(r.ReadVarInt(), r.ReadInt(), r.ReadLongs(), r.ReadInts(), r.ReadFloats(), r.ReadDouble(), r.ReadTimeSpan(), r.ReadVarInt());

    /// <summary>Writes an <see cref="ExpertOutputs"/>.</summary>
    public static void Write(WireWriter w, ExpertOutputs m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Server);
        w.WriteLongs(m.TokenIds);
        w.WriteFloats(m.Outputs);
        w.WriteTimeSpan(m.ArrivesAt);
    }

    /// <summary>Reads an <see cref="ExpertOutputs"/>.</summary>
    public static ExpertOutputs ReadExpertOutputs(WireReader r) =>
        new(r.ReadVarInt(), r.ReadInt(), r.ReadLongs(), r.ReadFloats(), r.ReadTimeSpan());

    /// <summary>Writes an <see cref="OutputGradients"/>.</summary>
    public static void Write(WireWriter w, OutputGradients m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Server);
        w.WriteLongs(m.TokenIds);
        w.WriteFloats(m.Gradients);
        w.WriteTimeSpan(m.ArrivesAt);
    }

    /// <summary>Reads an <see cref="OutputGradients"/>.</summary>
    public static OutputGradients ReadOutputGradients(WireReader r) =>
        new(r.ReadVarInt(), r.ReadInt(), r.ReadLongs(), r.ReadFloats(), r.ReadTimeSpan());
}
