using Akka.Actor;
using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Actors.Cluster.Wire.Formats;

/// <summary>
/// The networked-MoE messages that cross nodes when clients live on edge members: the FL server's rounds, the host's
/// steps and the clients' answers. Enums as varints, weights and features
/// as raw little-endian float32.
/// </summary>
public static class NmoeMessagesWire
{
    /// <summary>Writes <see cref="ModelWeights"/>: the parameter count, then each parameter's name and values.</summary>
    /// <exception cref="ArgumentException">The weights have not one name per parameter.</exception>
    public static void Write(WireWriter w, ModelWeights m)
    {
        if (m.Names.Count != m.Values.Count)
        {
            throw new ArgumentException($"EdgeMoE wire: ModelWeights: {m.Names.Count} names for {m.Values.Count} parameters", nameof(m));
        }

        w.WriteCount(m.Values.Count);
        for (var i = 0; i < m.Values.Count; i++)
        {
            w.WriteString(m.Names[i]);
            w.WriteFloats(m.Values[i]);
        }
    }

    /// <summary>Reads <see cref="ModelWeights"/>.</summary>
    public static ModelWeights ReadWeights(WireReader r)
    {
        // Each parameter takes two lengths, at least two bytes.
        var count = r.ReadCount(2);
        var names = new string[count];
        var values = new float[count][];
        for (var i = 0; i < count; i++)
        {
            names[i] = r.ReadString();
            values[i] = r.ReadFloats();
        }

        return new ModelWeights(names, values);
    }

    /// <summary>Writes <see cref="ClassificationMetrics"/>.</summary>
    public static void Write(WireWriter w, ClassificationMetrics m)
    {
        w.WriteDouble(m.Accuracy);
        w.WriteDouble(m.F1);
        w.WriteDouble(m.Auc);
    }

    /// <summary>Reads <see cref="ClassificationMetrics"/>.</summary>
    public static ClassificationMetrics ReadMetrics(WireReader r) => new(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());

    /// <summary>Writes a <see cref="TrainRound"/>.</summary>
    public static void Write(WireWriter w, TrainRound m)
    {
        w.WriteVarInt((int)m.Task);
        w.WriteVarInt(m.Round);
        Write(w, m.Global);
        w.WriteOptional(m.Others, (ww, others) => ww.WriteFloats(others));
    }

    /// <summary>Reads a <see cref="TrainRound"/>.</summary>
    public static TrainRound ReadTrainRound(WireReader r) =>
        new(r.ReadEnum<FederatedTask>(), r.ReadInt(), ReadWeights(r), r.ReadOptional(rr => rr.ReadFloats()));

    /// <summary>Writes a <see cref="ShareCorrelation"/>.</summary>
    public static void Write(WireWriter w, ShareCorrelation m)
    {
        w.WriteVarInt(m.Round);
        Write(w, m.Global);
    }

    /// <summary>Reads a <see cref="ShareCorrelation"/>.</summary>
    public static ShareCorrelation ReadShareCorrelation(WireReader r) => new(r.ReadInt(), ReadWeights(r));

    /// <summary>Writes a <see cref="CorrelationShared"/>.</summary>
    public static void Write(WireWriter w, CorrelationShared m)
    {
        w.WriteVarInt(m.Client);
        w.WriteVarInt(m.Round);
        w.WriteFloats(m.Correlation);
    }

    /// <summary>Reads a <see cref="CorrelationShared"/>.</summary>
    public static CorrelationShared ReadCorrelationShared(WireReader r) => new(r.ReadInt(), r.ReadInt(), r.ReadFloats());

    /// <summary>Writes a <see cref="RoundUpdate"/>.</summary>
    public static void Write(WireWriter w, RoundUpdate m)
    {
        w.WriteVarInt(m.Client);
        w.WriteVarInt((int)m.Task);
        w.WriteVarInt(m.Round);
        Write(w, m.Weights);
        w.WriteDouble(m.Loss);
        w.WriteOptional(m.Metrics, Write);
    }

    /// <summary>Reads a <see cref="RoundUpdate"/>.</summary>
    public static RoundUpdate ReadRoundUpdate(WireReader r) =>
        new(r.ReadInt(), r.ReadEnum<FederatedTask>(), r.ReadInt(), ReadWeights(r), r.ReadDouble(), r.ReadOptional(ReadMetrics));

    /// <summary>Writes a <see cref="WireClients"/>: the link, then every client in index order.</summary>
    public static void Write(WireWriter w, WireClients m)
    {
        w.WriteActorRef(m.Link);
        w.WriteCount(m.Clients.Count);
        foreach (var client in m.Clients)
        {
            w.WriteActorRef(client);
        }
    }

    /// <summary>Reads a <see cref="WireClients"/>.</summary>
    public static WireClients ReadWireClients(WireReader r)
    {
        var link = r.ReadActorRef();
        var clients = new IActorRef[r.ReadCount()];
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = r.ReadActorRef();
        }

        return new WireClients(link, clients);
    }

    /// <summary>Writes an <see cref="AdoptExtractor"/>.</summary>
    public static void Write(WireWriter w, AdoptExtractor m)
    {
        w.WriteVarInt((int)m.Kind);
        Write(w, m.Weights);
    }

    /// <summary>Reads an <see cref="AdoptExtractor"/>.</summary>
    public static AdoptExtractor ReadAdoptExtractor(WireReader r) => new(r.ReadEnum<ExtractorKind>(), ReadWeights(r));

    /// <summary>Writes an <see cref="AdoptFedAvg"/>.</summary>
    public static void Write(WireWriter w, AdoptFedAvg m) => Write(w, m.Weights);

    /// <summary>Reads an <see cref="AdoptFedAvg"/>.</summary>
    public static AdoptFedAvg ReadAdoptFedAvg(WireReader r) => new(ReadWeights(r));

    /// <summary>Writes a <see cref="TrainLocalClassifier"/>.</summary>
    public static void Write(WireWriter w, TrainLocalClassifier m) => NmoeSetupWire.Write(w, m.Options);

    /// <summary>Reads a <see cref="TrainLocalClassifier"/>.</summary>
    public static TrainLocalClassifier ReadTrainLocalClassifier(WireReader r) => new(NmoeSetupWire.ReadOptions(r));

    /// <summary>Writes a <see cref="ShareFeatureMoments"/>.</summary>
    public static void Write(WireWriter w, ShareFeatureMoments m) => w.WriteVarInt((int)m.Kind);

    /// <summary>Reads a <see cref="ShareFeatureMoments"/>.</summary>
    public static ShareFeatureMoments ReadShareFeatureMoments(WireReader r) => new(r.ReadEnum<ExtractorKind>());

    /// <summary>Writes a <see cref="FeatureMomentsShared"/>.</summary>
    public static void Write(WireWriter w, FeatureMomentsShared m)
    {
        w.WriteVarInt(m.Client);
        w.WriteDoubles(m.Moments.Sum);
        w.WriteDoubles(m.Moments.SumOfSquares);
        w.WriteVarInt(m.Moments.Count);
    }

    /// <summary>Reads a <see cref="FeatureMomentsShared"/>.</summary>
    public static FeatureMomentsShared ReadFeatureMomentsShared(WireReader r) =>
        new(r.ReadInt(), new FeatureMoments(r.ReadDoubles(), r.ReadDoubles(), r.ReadVarInt()));

    /// <summary>Writes a <see cref="TrainExpert"/>.</summary>
    public static void Write(WireWriter w, TrainExpert m)
    {
        w.WriteVarInt((int)m.Kind);
        NmoeSetupWire.Write(w, m.Options);
        w.WriteFloats(m.Standardisation.Mean);
        w.WriteFloats(m.Standardisation.Scale);
    }

    /// <summary>Reads a <see cref="TrainExpert"/>.</summary>
    public static TrainExpert ReadTrainExpert(WireReader r) =>
        new(r.ReadEnum<ExtractorKind>(), NmoeSetupWire.ReadOptions(r), new FeatureStandardisation(r.ReadFloats(), r.ReadFloats()));

    /// <summary>Writes a <see cref="PrepareFedGate"/>.</summary>
    public static void Write(WireWriter w, PrepareFedGate m) => w.WriteVarInt((int)m.Kind);

    /// <summary>Reads a <see cref="PrepareFedGate"/>.</summary>
    public static PrepareFedGate ReadPrepareFedGate(WireReader r) => new(r.ReadEnum<ExtractorKind>());

    /// <summary>Writes a <see cref="RollGateTurn"/>.</summary>
    public static void Write(WireWriter w, RollGateTurn m)
    {
        w.WriteVarInt((int)m.Kind);
        Write(w, m.Gate);
        NmoeSetupWire.Write(w, m.Options);
        w.WriteDouble(m.OwnShare);
    }

    /// <summary>Reads a <see cref="RollGateTurn"/>.</summary>
    public static RollGateTurn ReadRollGateTurn(WireReader r) =>
        new(r.ReadEnum<ExtractorKind>(), ReadWeights(r), NmoeSetupWire.ReadOptions(r), r.ReadDouble());

    /// <summary>Writes a <see cref="GateUpdate"/>.</summary>
    public static void Write(WireWriter w, GateUpdate m)
    {
        w.WriteVarInt(m.Client);
        Write(w, m.Gate);
        w.WriteDouble(m.Loss);
    }

    /// <summary>Reads a <see cref="GateUpdate"/>.</summary>
    public static GateUpdate ReadGateUpdate(WireReader r) => new(r.ReadInt(), ReadWeights(r), r.ReadDouble());

    /// <summary>Writes a <see cref="ClientDone"/>.</summary>
    public static void Write(WireWriter w, ClientDone m)
    {
        w.WriteVarInt(m.Client);
        w.WriteDouble(m.Loss);
    }

    /// <summary>Reads a <see cref="ClientDone"/>.</summary>
    public static ClientDone ReadClientDone(WireReader r) => new(r.ReadInt(), r.ReadDouble());

    /// <summary>Writes a <see cref="ClientMetrics"/>.</summary>
    public static void Write(WireWriter w, ClientMetrics m)
    {
        w.WriteVarInt(m.Client);
        Write(w, m.Metrics);
    }

    /// <summary>Reads a <see cref="ClientMetrics"/>.</summary>
    public static ClientMetrics ReadClientMetrics(WireReader r) => new(r.ReadInt(), ReadMetrics(r));

    /// <summary>Writes an <see cref="Infer"/>.</summary>
    public static void Write(WireWriter w, Infer m)
    {
        w.WriteVarInt((int)m.Kind);
        w.WriteVarInt((int)m.Gate);
        w.WriteOptional(m.GateWeights, Write);
    }

    /// <summary>Reads an <see cref="Infer"/>.</summary>
    public static Infer ReadInfer(WireReader r) => new(r.ReadEnum<ExtractorKind>(), r.ReadEnum<GateKind>(), r.ReadOptional(ReadWeights));

    /// <summary>Writes an <see cref="InferenceResult"/>.</summary>
    public static void Write(WireWriter w, InferenceResult m)
    {
        w.WriteVarInt(m.Client);
        Write(w, m.Metrics);
        w.WriteInts(m.Chosen.ToArray());
    }

    /// <summary>Reads an <see cref="InferenceResult"/>.</summary>
    public static InferenceResult ReadInferenceResult(WireReader r) => new(r.ReadInt(), ReadMetrics(r), r.ReadInts());
}
