using EdgeMoE.Actors.Edge.Servers;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// <see cref="ExpertServerSettings"/> on the wire, a Props argument of a remote-deployed server. A field added to the
/// settings is written and read here only.
/// </summary>
public static class ExpertServerSettingsWire
{
    /// <summary>Writes the settings.</summary>
    public static void Write(WireWriter w, ExpertServerSettings s)
    {
        w.WriteVarInt(s.Index);
        ServerProfileWire.Write(w, s.Profile);
        ExpertShapeWire.Write(w, s.Network);
        w.WriteVarInt(s.Classes);
        w.WriteFloat(s.LearningRate);
        w.WriteCount(s.Outages.Count);
        foreach (var window in s.Outages)
        {
            w.WriteVarInt(window.FromSlot);
            w.WriteVarInt(window.ToSlot);
        }
    }

    /// <summary>Reads the settings.</summary>
    public static ExpertServerSettings Read(WireReader r)
    {
        var index = r.ReadInt();
        var profile = ServerProfileWire.Read(r);
        var network = ExpertShapeWire.Read(r);
        var classes = r.ReadInt();
        var learningRate = r.ReadFloat();
        // Each window takes two varints, at least two bytes.
        var outages = new OutageWindow[r.ReadCount(2)];
        for (var i = 0; i < outages.Length; i++)
        {
            outages[i] = new OutageWindow(r.ReadVarInt(), r.ReadVarInt());
        }

        return new ExpertServerSettings(index, profile, network, classes, learningRate, outages);
    }
}
