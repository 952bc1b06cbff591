using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// The networked-MoE link messages that cross nodes: expert queries between clients' links and their answers (features and
/// probabilities as raw little-endian float32), and the host's traffic count.
/// </summary>
public static class NmoeLinkMessagesWire
{
    /// <summary>Writes an <see cref="ExpertQuery"/>.</summary>
    public static void Write(WireWriter w, ExpertQuery m)
    {
        w.WriteVarInt(m.From);
        w.WriteVarInt(m.Expert);
        w.WriteVarInt((int)m.Kind);
        w.WriteVarInt(m.Id);
        w.WriteFloats(m.Features);
        w.WriteVarInt(m.Count);
    }

    /// <summary>Reads an <see cref="ExpertQuery"/>.</summary>
    public static ExpertQuery ReadExpertQuery(WireReader r) =>
        new(r.ReadInt(), r.ReadInt(), r.ReadEnum<ExtractorKind>(), r.ReadVarInt(), r.ReadFloats(), r.ReadInt());

    /// <summary>Writes an <see cref="ExpertAnswer"/>.</summary>
    public static void Write(WireWriter w, ExpertAnswer m)
    {
        w.WriteVarInt(m.From);
        w.WriteVarInt(m.Expert);
        w.WriteVarInt(m.Id);
        w.WriteFloats(m.Probabilities);
    }

    /// <summary>Reads an <see cref="ExpertAnswer"/>.</summary>
    public static ExpertAnswer ReadExpertAnswer(WireReader r) => new(r.ReadInt(), r.ReadInt(), r.ReadVarInt(), r.ReadFloats());

    /// <summary>Writes a <see cref="GetTraffic"/> (no fields: no bytes).</summary>
    public static void Write(WireWriter w, GetTraffic m)
    {
    }

    /// <summary>Reads a <see cref="GetTraffic"/>.</summary>
    public static GetTraffic ReadGetTraffic(WireReader r) => new();

    /// <summary>Writes a <see cref="LinkTraffic"/>.</summary>
    public static void Write(WireWriter w, LinkTraffic m)
    {
        w.WriteVarInt(m.Client);
        w.WriteVarInt(m.FeatureBits);
        w.WriteVarInt(m.AnswerBits);
    }

    /// <summary>Reads a <see cref="LinkTraffic"/>.</summary>
    public static LinkTraffic ReadLinkTraffic(WireReader r) => new(r.ReadInt(), r.ReadVarInt(), r.ReadVarInt());
}
