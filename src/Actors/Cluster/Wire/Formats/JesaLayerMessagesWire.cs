using EdgeMoE.Actors.Jesa.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>JESA's coordinator ↔ expert-node messages on the wire: varints, raw little-endian floats and doubles.</summary>
public static class JesaLayerMessagesWire
{
    /// <summary>Writes a <see cref="StartLayer"/>.</summary>
    public static void Write(WireWriter w, StartLayer m)
    {
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteOptional(m.Pixels, (ww, p) => ww.WriteFloats(p));
        w.WriteVarInt(m.Label);
    }

    /// <summary>Reads a <see cref="StartLayer"/>.</summary>
    public static StartLayer ReadStartLayer(WireReader r) =>
        new(r.ReadInt(), r.ReadInt(), r.ReadOptional(rr => rr.ReadFloats()), r.ReadInt());

    /// <summary>Writes a <see cref="GateReport"/>.</summary>
    public static void Write(WireWriter w, GateReport m)
    {
        w.WriteVarInt(m.Node);
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteCount(m.Scores.Length);
        foreach (var row in m.Scores)
        {
            w.WriteDoubles(row);
        }
    }

    /// <summary>Reads a <see cref="GateReport"/>.</summary>
    public static GateReport ReadGateReport(WireReader r)
    {
        var (node, round, layer) = (r.ReadInt(), r.ReadInt(), r.ReadInt());
        var scores = new double[r.ReadCount()][];
        for (var n = 0; n < scores.Length; n++)
        {
            scores[n] = r.ReadDoubles();
        }

        return new GateReport(node, round, layer, scores);
    }

    /// <summary>Writes an <see cref="Allocation"/>.</summary>
    public static void Write(WireWriter w, Allocation m)
    {
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteCount(m.Selection.Length);
        foreach (var experts in m.Selection)
        {
            w.WriteInts(experts);
        }

        w.WriteInts(m.SubcarrierTo);
        w.WriteInts(m.Senders);
    }

    /// <summary>Reads an <see cref="Allocation"/>.</summary>
    public static Allocation ReadAllocation(WireReader r)
    {
        var (round, layer) = (r.ReadInt(), r.ReadInt());
        var selection = new int[r.ReadCount()][];
        for (var n = 0; n < selection.Length; n++)
        {
            selection[n] = r.ReadInts();
        }

        return new Allocation(round, layer, selection, r.ReadInts(), r.ReadInts());
    }

    /// <summary>Writes a <see cref="LayerDone"/>.</summary>
    public static void Write(WireWriter w, LayerDone m)
    {
        w.WriteVarInt(m.Node);
        w.WriteVarInt(m.Round);
        w.WriteVarInt(m.Layer);
        w.WriteDouble(m.CommunicationJ);
        w.WriteDouble(m.ComputationJ);
        w.WriteBool(m.Correct);
    }

    /// <summary>Reads a <see cref="LayerDone"/>.</summary>
    public static LayerDone ReadLayerDone(WireReader r) =>
        new(r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadDouble(), r.ReadDouble(), r.ReadBool());
}
