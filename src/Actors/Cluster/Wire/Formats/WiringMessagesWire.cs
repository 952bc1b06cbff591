using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>The wiring messages that cross nodes (a server learns its channel; a node is told to crash).</summary>
public static class WiringMessagesWire
{
    /// <summary>Writes a <see cref="ConnectChannel"/>.</summary>
    public static void Write(WireWriter w, ConnectChannel m) => w.WriteActorRef(m.Channel);

    /// <summary>Reads a <see cref="ConnectChannel"/>.</summary>
    public static ConnectChannel ReadConnectChannel(WireReader r) => new(r.ReadActorRef());

    /// <summary>Writes a <see cref="CrashNodeNow"/>.</summary>
    public static void Write(WireWriter w, CrashNodeNow m) => w.WriteVarInt(m.Slot);

    /// <summary>Reads a <see cref="CrashNodeNow"/>.</summary>
    public static CrashNodeNow ReadCrashNodeNow(WireReader r) => new(r.ReadVarInt());
}
