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
        var slowdowns = s.Slowdowns ?? [];
        w.WriteCount(slowdowns.Length);
        foreach (var window in slowdowns)
        {
            w.WriteVarInt(window.FromSlot);
            w.WriteVarInt(window.UntilSlot);
            w.WriteDouble(window.Factor);
        }
    }

    /// <summary>Reads the settings.</summary>
    public static LinkSettings Read(WireReader r)
    {
        var subcarriers = r.ReadInt();
        var budget = new OfdmaLinkBudget(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var gain = r.ReadDouble();
        var fading = new SmallScaleFading(r.ReadDouble(), r.ReadDouble());
        var transmission = TransmissionWire.Read(r);
        var slowdowns = new RateWindow[r.ReadCount()];
        for (var i = 0; i < slowdowns.Length; i++)
        {
            slowdowns[i] = new RateWindow(r.ReadVarInt(), r.ReadVarInt(), r.ReadDouble());
        }

        return new LinkSettings(subcarriers, budget, gain, fading, transmission, slowdowns.Length == 0 ? null : slowdowns);
    }
}
