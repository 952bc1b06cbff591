using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// The Props argument of a remote-deployed networked-MoE client (<see cref="NmoeClientSetup"/>) and its parts: the
/// networks' shape, the client's images (8-bit ones at one byte a pixel, since an edge node need not hold the data set)
/// and how it trains.
/// </summary>
public static class NmoeSetupWire
{
    /// <summary>Writes an <see cref="NmoeClientSetup"/>.</summary>
    public static void Write(WireWriter w, NmoeClientSetup s)
    {
        w.WriteVarInt(s.Index);
        Write(w, s.Shape);
        Write(w, s.Data);
        w.WriteVarInt(s.Seed);
        w.WriteString(s.Name);
        w.WriteDouble(s.Share);
        Write(w, s.Training);
    }

    /// <summary>Reads an <see cref="NmoeClientSetup"/>.</summary>
    public static NmoeClientSetup ReadSetup(WireReader r) =>
        new(r.ReadInt(), ReadShape(r), ReadData(r), r.ReadVarInt(), r.ReadString(), r.ReadDouble(), ReadTraining(r));

    /// <summary>Writes an <see cref="NmoeShape"/>.</summary>
    public static void Write(WireWriter w, NmoeShape s)
    {
        CnnOptionsWire.Write(w, s.Extractor);
        w.WriteVarInt(s.ExpertHidden);
        w.WriteVarInt(s.GateHidden);
        w.WriteVarInt(s.Classes);
        w.WriteVarInt(s.Clients);
    }

    /// <summary>Reads an <see cref="NmoeShape"/>.</summary>
    public static NmoeShape ReadShape(WireReader r) => new(CnnOptionsWire.Read(r), r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt());

    /// <summary>Writes a <see cref="ClientDataSplit"/>: its training images, then its test images.</summary>
    public static void Write(WireWriter w, ClientDataSplit d)
    {
        Write(w, d.Train);
        Write(w, d.Test);
    }

    /// <summary>Reads a <see cref="ClientDataSplit"/>.</summary>
    public static ClientDataSplit ReadData(WireReader r) => new(ReadImages(r), ReadImages(r));

    /// <summary>
    /// Writes <see cref="LabeledImages"/>: channels, height, width, classes, the labels, then the whole pixel buffer at
    /// one byte a pixel when every pixel is a level b / 255f, else as raw float32.
    /// </summary>
    public static void Write(WireWriter w, LabeledImages images)
    {
        w.WriteVarInt(images.Channels);
        w.WriteVarInt(images.Height);
        w.WriteVarInt(images.Width);
        w.WriteVarInt(images.Classes);
        w.WriteInts(images.Labels);
        PixelLevelsWire.Write(w, images.Pixels);
    }

    /// <summary>
    /// Reads <see cref="LabeledImages"/> through the public constructor, which checks the sizes, the labels and that every
    /// pixel lies in [0, 1] (a few milliseconds for a client's 3,500 images of 28×28).
    /// </summary>
    public static LabeledImages ReadImages(WireReader r)
    {
        var (channels, height, width, classes) = (r.ReadInt(), r.ReadInt(), r.ReadInt(), r.ReadInt());
        var labels = r.ReadInts();
        return new LabeledImages(PixelLevelsWire.Read(r), labels, channels, height, width, classes);
    }

    /// <summary>Writes a <see cref="ClientTraining"/>.</summary>
    public static void Write(WireWriter w, ClientTraining t)
    {
        Write(w, t.Classifier);
        Write(w, t.Contrastive);
        Write(w, t.Gate);
        w.WriteDouble(t.BalanceWeight);
        w.WriteDouble(t.DpNoiseStd);
    }

    /// <summary>Reads a <see cref="ClientTraining"/>.</summary>
    public static ClientTraining ReadTraining(WireReader r) =>
        new(ReadOptions(r), ReadOptions(r), ReadOptions(r), r.ReadDouble(), r.ReadDouble());

    /// <summary>Writes a <see cref="LocalTrainingOptions"/>.</summary>
    public static void Write(WireWriter w, LocalTrainingOptions o)
    {
        w.WriteVarInt(o.Epochs);
        w.WriteVarInt(o.BatchSize);
        w.WriteDouble(o.LearningRate);
        w.WriteVarInt(o.MaxSteps);
    }

    /// <summary>Reads a <see cref="LocalTrainingOptions"/>.</summary>
    public static LocalTrainingOptions ReadOptions(WireReader r) => new(r.ReadInt(), r.ReadInt(), r.ReadDouble(), r.ReadInt());
}
