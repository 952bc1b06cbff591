using EdgeMoE.Models.Compute;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary><see cref="ServerProfile"/> on the wire: its six doubles in declaration order.</summary>
public static class ServerProfileWire
{
    /// <summary>Writes the profile.</summary>
    public static void Write(WireWriter w, ServerProfile p)
    {
        w.WriteDouble(p.CyclesPerToken);
        w.WriteDouble(p.SwitchedCapacitance);
        w.WriteDouble(p.SlotSeconds);
        w.WriteDouble(p.MaxFrequencyHz);
        w.WriteDouble(p.EnergyCapJoules);
        w.WriteDouble(p.AverageEnergyBudgetJoules);
    }

    /// <summary>Reads the profile.</summary>
    public static ServerProfile Read(WireReader r) =>
        new(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
}
