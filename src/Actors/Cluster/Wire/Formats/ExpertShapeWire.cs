using EdgeMoE.Models.Moe;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>An expert's <see cref="IExpertShape"/> on the wire: a kind (0 CNN, 1 MLP), then that shape.</summary>
public static class ExpertShapeWire
{
    private const int Cnn = 0;
    private const int Mlp = 1;

    /// <summary>Writes the shape.</summary>
    public static void Write(WireWriter w, IExpertShape shape)
    {
        switch (shape)
        {
            case CnnOptions cnn:
                w.WriteVarInt(Cnn);
                CnnOptionsWire.Write(w, cnn);
                break;
            case MlpOptions mlp:
                w.WriteVarInt(Mlp);
                w.WriteVarInt(mlp.InputSize);
                w.WriteInts(mlp.Hidden.ToArray());
                break;
            default:
                throw new System.Runtime.Serialization.SerializationException($"EdgeMoE wire: no wire format for the expert shape {shape.GetType().FullName}");
        }
    }

    /// <summary>Reads the shape.</summary>
    public static IExpertShape Read(WireReader r)
    {
        var kind = r.ReadInt();
        return kind switch
        {
            Cnn => CnnOptionsWire.Read(r),
            Mlp => new MlpOptions(r.ReadInt(), r.ReadInts()),
            _ => throw r.Fail($"unknown expert shape kind {kind}"),
        };
    }
}
