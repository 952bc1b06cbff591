using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary><see cref="LinkSettings"/> on the wire, a Props argument of a remote-deployed channel.</summary>
public static class LinkSettingsWire
{
    /// <summary>Writes the settings.</summary>
    public static void Write(WireWriter w, LinkSettings s)
    {
        w.WriteVarInt(s.Subcarriers);
        w.WriteDouble(s.Budget.SpacingHz);
        w.WriteDouble(s.Budget.PowerW);
        w.WriteDouble(s.Budget.NoiseW);
        w.WriteDouble(s.MeanGain);
        w.WriteDouble(s.Fading.RicianK);
        w.WriteDouble(s.Fading.SlotCorrelation);
        TransmissionWire.Write(w, s.Transmission);
    }

    /// <summary>Reads the settings.</summary>
    public static LinkSettings Read(WireReader r) =>
        new(
            r.ReadInt(),
            new OfdmaLinkBudget(r.ReadDouble(), r.ReadDouble(), r.ReadDouble()),
            r.ReadDouble(),
            new SmallScaleFading(r.ReadDouble(), r.ReadDouble()),
            TransmissionWire.Read(r));
}
