using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>The policy protocol's messages on the wire (a server's status; request and decision, should the policy move).</summary>
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

        w.WriteDoubles(m.FrequencyHz);
        w.WriteDouble(m.Objective);
        w.WriteBool(m.CompletionCap is not null);
        if (m.CompletionCap is not null)
        {
            w.WriteLongs(m.CompletionCap);
        }
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

        var frequency = r.ReadDoubles();
        var objective = r.ReadDouble();
        return new SlotDecision(slot, routing, frequency, objective, r.ReadBool() ? r.ReadLongs() : null);
    }

    /// <summary>Writes a <see cref="DecisionRequest"/>: tokens, experts, then the scores row after row as raw doubles.</summary>
    public static void Write(WireWriter w, DecisionRequest m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteCount(m.Scores.Tokens);
        w.WriteCount(m.Scores.Experts);
        for (var i = 0; i < m.Scores.Tokens; i++)
        {
            w.WriteRawDoubles(m.Scores.Row(i));
        }
    }

    /// <summary>Reads a <see cref="DecisionRequest"/>.</summary>
    public static DecisionRequest ReadDecisionRequest(WireReader r)
    {
        var slot = r.ReadVarInt();
        var tokens = r.ReadCount(0);
        var experts = r.ReadCount(0);
        return new DecisionRequest(slot, new GatingScores(tokens, experts, r.ReadRawDoubles((long)tokens * experts)));
    }
}
