using EdgeMoE.Models.Moe;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary><see cref="CnnOptions"/> on the wire (the shape of a CNN expert).</summary>
public static class CnnOptionsWire
{
    /// <summary>Writes the shape.</summary>
    public static void Write(WireWriter w, CnnOptions o)
    {
        w.WriteVarInt(o.InputChannels);
        w.WriteVarInt(o.Height);
        w.WriteVarInt(o.Width);
        w.WriteInts(o.Channels.ToArray());
        w.WriteVarInt(o.FeatureSize);
        w.WriteVarInt(o.KernelSize);
    }

    /// <summary>Reads the shape.</summary>
    public static CnnOptions Read(WireReader r) =>
        new(r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInts(), r.ReadInt(), r.ReadInt());
}
