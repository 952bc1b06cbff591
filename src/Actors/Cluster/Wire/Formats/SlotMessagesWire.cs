using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>The slot protocol's messages on the wire (clock ticks and per-slot reports).</summary>
public static class SlotMessagesWire
{
    /// <summary>Writes a <see cref="SlotTick"/>.</summary>
    public static void Write(WireWriter w, SlotTick m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteTimeSpan(m.StartsAt);
    }

    /// <summary>Reads a <see cref="SlotTick"/>.</summary>
    public static SlotTick ReadSlotTick(WireReader r) => new(r.ReadVarInt(), r.ReadTimeSpan());

    /// <summary>Writes a <see cref="RouterSlotReport"/>.</summary>
    public static void Write(WireWriter w, RouterSlotReport m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Arrivals);
        w.WriteVarInt(m.Processed);
        w.WriteDouble(m.TrainingLoss);
        w.WriteDouble(m.GatingConsistency);
        w.WriteDouble(m.Objective);
        w.WriteTimeSpan(m.ArrivesAt);
        w.WriteOptional(m.Tokens, (w, t) =>
        {
            w.WriteVarInt(t.Holding);
            w.WriteVarInt(t.Rerouted);
            w.WriteVarInt(t.Unassigned);
            w.WriteLongs(t.WaitingTokens);
            w.WriteInts(t.WaitingServers);
        });
    }

    /// <summary>Reads a <see cref="RouterSlotReport"/>.</summary>
    public static RouterSlotReport ReadRouterSlotReport(WireReader r) =>
        new(r.ReadVarInt(), r.ReadInt(), r.ReadInt(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadTimeSpan(),
            r.ReadOptional(r => new RouterTokens(r.ReadVarInt(), r.ReadInt(), r.ReadInt(), r.ReadLongs(), r.ReadInts())));

    /// <summary>Writes a <see cref="ServerRejoin"/>.</summary>
    public static void Write(WireWriter w, ServerRejoin m) => w.WriteVarInt(m.Slot);

    /// <summary>Reads a <see cref="ServerRejoin"/>.</summary>
    public static ServerRejoin ReadServerRejoin(WireReader r) => new(r.ReadVarInt());

    /// <summary>Writes a <see cref="ServerSlotReport"/>.</summary>
    public static void Write(WireWriter w, ServerSlotReport m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Server);
        w.WriteBool(m.Available);
        w.WriteVarInt(m.Routed);
        w.WriteVarInt(m.Completed);
        w.WriteVarInt(m.TokenBacklog);
        w.WriteDouble(m.EnergyBacklog);
        w.WriteDouble(m.EnergyJoules);
        w.WriteDouble(m.FrequencyHz);
        w.WriteVarInt(m.Trained);
        w.WriteTimeSpan(m.ArrivesAt);
        w.WriteOptional(m.QueuedTokens, (w, q) => w.WriteLongs(q));
    }

    /// <summary>Reads a <see cref="ServerSlotReport"/>.</summary>
    public static ServerSlotReport ReadServerSlotReport(WireReader r) =>
        new(r.ReadVarInt(), r.ReadInt(), r.ReadBool(), r.ReadVarInt(), r.ReadVarInt(), r.ReadVarInt(), r.ReadDouble(),
            r.ReadDouble(), r.ReadDouble(), r.ReadInt(), r.ReadTimeSpan(), r.ReadOptional(r => r.ReadLongs()));

    /// <summary>Writes a <see cref="LinkSlotReport"/>.</summary>
    public static void Write(WireWriter w, LinkSlotReport m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Server);
        w.WriteDouble(m.Bits);
        w.WriteDouble(m.Joules);
        w.WriteTimeSpan(m.ArrivesAt);
    }

    /// <summary>Reads a <see cref="LinkSlotReport"/>.</summary>
    public static LinkSlotReport ReadLinkSlotReport(WireReader r) =>
        new(r.ReadVarInt(), r.ReadInt(), r.ReadDouble(), r.ReadDouble(), r.ReadTimeSpan());

    /// <summary>Writes an <see cref="EvaluateModel"/>.</summary>
    public static void Write(WireWriter w, EvaluateModel m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteBool(m.FullTestSet);
    }

    /// <summary>Reads an <see cref="EvaluateModel"/>.</summary>
    public static EvaluateModel ReadEvaluateModel(WireReader r) => new(r.ReadVarInt(), r.ReadBool());

    /// <summary>Writes an <see cref="EvaluationReport"/>.</summary>
    public static void Write(WireWriter w, EvaluationReport m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteDouble(m.Accuracy);
    }

    /// <summary>Reads an <see cref="EvaluationReport"/>.</summary>
    public static EvaluationReport ReadEvaluationReport(WireReader r) => new(r.ReadVarInt(), r.ReadDouble());
}
