using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>The evaluation protocol's messages on the wire (test images out, logits back).</summary>
public static class EvaluationMessagesWire
{
    /// <summary>Writes an <see cref="EvaluationRequest"/>.</summary>
    public static void Write(WireWriter w, EvaluationRequest m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteFloats(m.Pixels);
    }

    /// <summary>Reads an <see cref="EvaluationRequest"/>.</summary>
    public static EvaluationRequest ReadEvaluationRequest(WireReader r) => new(r.ReadVarInt(), r.ReadFloats());

    /// <summary>Writes an <see cref="EvaluationOutputs"/>.</summary>
    public static void Write(WireWriter w, EvaluationOutputs m)
    {
        w.WriteVarInt(m.Slot);
        w.WriteVarInt(m.Server);
        w.WriteFloats(m.Outputs);
    }

    /// <summary>Reads an <see cref="EvaluationOutputs"/>.</summary>
    public static EvaluationOutputs ReadEvaluationOutputs(WireReader r) => new(r.ReadVarInt(), r.ReadInt(), r.ReadFloats());
}
