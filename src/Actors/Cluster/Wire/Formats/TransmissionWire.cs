using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>A link's <see cref="IHiddenStateTransmission"/> on the wire: a tag byte (0 exact, 1 analog, 2 digital), then its fields.</summary>
public static class TransmissionWire
{
    private const int Exact = 0;
    private const int Analog = 1;
    private const int Digital = 2;

    /// <summary>Writes the transmission (null: exact float32).</summary>
    public static void Write(WireWriter w, IHiddenStateTransmission? t)
    {
        switch (t)
        {
            case null:
                w.WriteVarUInt(Exact);
                break;
            case AnalogTransmission:
                w.WriteVarUInt(Analog);
                break;
            case DigitalTransmission d:
                w.WriteVarUInt(Digital);
                w.WriteVarInt(d.BitsPerElement);
                w.WriteVarInt((int)d.Modulation);
                w.WriteDouble(d.OutageThresholdSnr);
                break;
            default:
                throw new ArgumentException($"EdgeMoE wire: LinkSettings: no wire format for transmission {t.GetType().Name}", nameof(t));
        }
    }

    /// <summary>Reads the transmission.</summary>
    public static IHiddenStateTransmission? Read(WireReader r)
    {
        var tag = r.ReadVarUInt();
        return tag switch
        {
            Exact => null,
            Analog => new AnalogTransmission(),
            Digital => new DigitalTransmission(r.ReadInt(), r.ReadEnum<Modulation>(), r.ReadDouble()),
            _ => throw r.Fail($"unknown transmission tag {tag}"),
        };
    }
}
