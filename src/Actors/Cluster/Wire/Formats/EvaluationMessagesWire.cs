using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// The evaluation protocol's messages on the wire (test images out, logits back). Test images go at one byte a pixel
/// (<see cref="PixelLevelsWire"/>): the final full-test-set request of a Stable-MoE run carried 63 MB of float32 to the
/// servers' nodes, on the connection their heartbeats share.
/// </summary>
public static class EvaluationMessagesWire
{
    /// <summary>Writes an <see cref="EvaluationRequest"/>.</summary>
    public static void Write(WireWriter w, EvaluationRequest m)
    {
        w.WriteVarInt(m.Slot);
        PixelLevelsWire.Write(w, m.Pixels);
    }

    /// <summary>Reads an <see cref="EvaluationRequest"/>.</summary>
    public static EvaluationRequest ReadEvaluationRequest(WireReader r) => new(r.ReadVarInt(), PixelLevelsWire.Read(r));

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
