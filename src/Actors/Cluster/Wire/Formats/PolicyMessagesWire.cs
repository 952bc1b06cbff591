using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>The policy protocol's messages on the wire (a server's status; the decision, should the policy move).</summary>
public static class PolicyMessagesWire
{
    /// <summary>Writes a <see cref="ServerStatus"/>.</summary>
    public static void Write(WireWriter w, ServerStatus m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Server);
        w.WriteVarInt(m.TokenBacklog);
        w.WriteDouble(m.EnergyBacklog);
        w.WriteBool(m.Available);
    }

    /// <summary>Reads a <see cref="ServerStatus"/>.</summary>
    public static ServerStatus ReadServerStatus(WireReader r) =>
        new(r.ReadVarInt(), r.ReadInt(), r.ReadVarInt(), r.ReadDouble(), r.ReadBool());

    /// <summary>Writes a <see cref="SlotDecision"/>.</summary>
    public static void Write(WireWriter w, SlotDecision m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteCount(m.Routing.Count);
        foreach (var servers in m.Routing)
        {
            w.WriteInts(servers);
        }

        w.WriteCount(m.FrequencyHz.Length);
        foreach (var f in m.FrequencyHz)
        {
            w.WriteDouble(f);
        }

        w.WriteDouble(m.Objective);
    }

    /// <summary>Reads a <see cref="SlotDecision"/>.</summary>
    public static SlotDecision ReadSlotDecision(WireReader r)
    {
        var slot = r.ReadVarInt();
        var routing = new int[r.ReadCount()][];
        for (var i = 0; i < routing.Length; i++)
        {
            routing[i] = r.ReadInts();
        }

        var frequencies = new double[r.ReadCount(sizeof(double))];
        for (var j = 0; j < frequencies.Length; j++)
        {
            frequencies[j] = r.ReadDouble();
        }

        return new SlotDecision(slot, routing, frequencies, r.ReadDouble());
    }
}
