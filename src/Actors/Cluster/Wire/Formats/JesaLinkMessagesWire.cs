using EdgeMoE.Actors.Jesa.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>JESA's link messages on the wire: hidden states as raw little-endian float32, gains as raw doubles.</summary>
public static class JesaLinkMessagesWire
{
    /// <summary>Writes a <see cref="MeasureLink"/>.</summary>
    public static void Write(WireWriter w, MeasureLink m)
    {
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
    }

    /// <summary>Reads a <see cref="MeasureLink"/>.</summary>
    public static MeasureLink ReadMeasureLink(WireReader r) => new(r.ReadInt(), r.ReadInt());

    /// <summary>Writes a <see cref="LinkCsi"/>.</summary>
    public static void Write(WireWriter w, LinkCsi m)
    {
        w.WriteVarInt(m.From);
        w.WriteVarInt(m.To);
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteDoubles(m.Gains);
    }

    /// <summary>Reads a <see cref="LinkCsi"/>.</summary>
    public static LinkCsi ReadLinkCsi(WireReader r) => new(r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadDoubles());

    /// <summary>Writes a <see cref="ForwardHiddenStates"/>.</summary>
    public static void Write(WireWriter w, ForwardHiddenStates m)
    {
        w.WriteVarInt(m.From);
        w.WriteVarInt(m.To);
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteVarInt(m.Subcarrier);
        w.WriteInts(m.Tokens);
        w.WriteFloats(m.States);
    }

    /// <summary>Reads a <see cref="ForwardHiddenStates"/>.</summary>
    public static ForwardHiddenStates ReadForwardHiddenStates(WireReader r) =>
        new(r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInts(), r.ReadFloats());

    /// <summary>Writes a <see cref="DeliveredHiddenStates"/>.</summary>
    public static void Write(WireWriter w, DeliveredHiddenStates m)
    {
        w.WriteVarInt(m.From);
        w.WriteVarInt(m.To);
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteInts(m.Tokens);
        w.WriteFloats(m.States);
        w.WriteDouble(m.CommunicationJ);
    }

    /// <summary>Reads a <see cref="DeliveredHiddenStates"/>.</summary>
    public static DeliveredHiddenStates ReadDeliveredHiddenStates(WireReader r) =>
        new(r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInts(), r.ReadFloats(), r.ReadDouble());

    /// <summary>Writes a JESA <see cref="ExpertOutputs"/>.</summary>
    public static void Write(WireWriter w, ExpertOutputs m)
    {
        w.WriteVarInt(m.Expert);
        w.WriteVarInt(m.Source);
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteInts(m.Tokens);
        w.WriteFloats(m.Outputs);
    }

    /// <summary>Reads a JESA <see cref="ExpertOutputs"/>.</summary>
    public static ExpertOutputs ReadExpertOutputs(WireReader r) =>
        new(r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInts(), r.ReadFloats());
}
