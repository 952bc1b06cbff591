using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Actors.Jesa.Nodes;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>The Props arguments of JESA's remote-deployed actors: a link's radio and an expert node's setup.</summary>
public static class JesaSetupWire
{
    /// <summary>Writes a <see cref="JesaRadio"/>.</summary>
    public static void Write(WireWriter w, JesaRadio m)
    {
        w.WriteDouble(m.SpacingHz);
        w.WriteDouble(m.PowerW);
        w.WriteDouble(m.NoiseW);
        w.WriteDouble(m.PathLoss);
        w.WriteVarInt(m.Subcarriers);
        w.WriteDouble(m.HiddenStateBits);
    }

    /// <summary>Reads a <see cref="JesaRadio"/>.</summary>
    public static JesaRadio ReadRadio(WireReader r) =>
        new(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadInt(), r.ReadDouble());

    /// <summary>Writes an <see cref="ExpertNodeSetup"/>.</summary>
    public static void Write(WireWriter w, ExpertNodeSetup m)
    {
        w.WriteVarInt(m.Index);
        w.WriteString(m.WeightsPath);
        var o = m.Options;
        foreach (var field in (int[])[o.ImageSide, o.PatchSide, o.Dim, o.Layers, o.Heads, o.Experts, o.ExpertHidden, o.TrainTopK, o.Classes])
        {
            w.WriteVarInt(field);
        }

        w.WriteDouble(m.ComputeJoulesPerState);
    }

    /// <summary>Reads an <see cref="ExpertNodeSetup"/>.</summary>
    public static ExpertNodeSetup ReadNodeSetup(WireReader r) =>
        new(
            r.ReadInt(),
            r.ReadString(),
            new MoeVitOptions(r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt()),
            r.ReadDouble());
}
