using System.Text;
using Akka.Configuration;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Actors.Cluster.Wire.Formats;
using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Actors.Jesa.Messages;
using EdgeMoE.Actors.Jesa.Nodes;
using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Actors.Randomness;
using ExpertOutputs = EdgeMoE.Actors.Edge.Messages.ExpertOutputs;
using JesaExpertOutputs = EdgeMoE.Actors.Jesa.Messages.ExpertOutputs;

namespace EdgeMoE.Actors.Cluster.Wire;

/// <summary>
/// The table of types that cross nodes through <see cref="EdgeMoeSerializer"/>, and the Akka configuration that binds
/// them. To add a type: one line here plus its write/read pair.
/// </summary>
public static class EdgeMoeWire
{
    /// <summary>The serializer's name in akka.actor.serializers.</summary>
    public const string SerializerName = "edgemoe";

    /// <summary>Every type on the wire, each with its short manifest (unique).</summary>
    public static IReadOnlyList<IWireFormat> Formats { get; } =
    [
        WireFormat.Of<SlotTick>("tick", SlotMessagesWire.Write, SlotMessagesWire.ReadSlotTick),
        WireFormat.Of<RouterSlotReport>("rrep", SlotMessagesWire.Write, SlotMessagesWire.ReadRouterSlotReport),
        WireFormat.Of<ServerSlotReport>("srep", SlotMessagesWire.Write, SlotMessagesWire.ReadServerSlotReport),
        WireFormat.Of<ServerRejoin>("rejoin", SlotMessagesWire.Write, SlotMessagesWire.ReadServerRejoin),
        WireFormat.Of<LinkSlotReport>("lrep", SlotMessagesWire.Write, SlotMessagesWire.ReadLinkSlotReport),
        WireFormat.Of<EvaluateModel>("evm", SlotMessagesWire.Write, SlotMessagesWire.ReadEvaluateModel),
        WireFormat.Of<EvaluationReport>("evr", SlotMessagesWire.Write, SlotMessagesWire.ReadEvaluationReport),
        WireFormat.Of<TokenBatch>("batch", TokenMessagesWire.Write, TokenMessagesWire.ReadTokenBatch),
        WireFormat.Of<TokenDispatch>("disp", TokenMessagesWire.Write, TokenMessagesWire.ReadTokenDispatch),
        WireFormat.Of<ExpertOutputs>("out", TokenMessagesWire.Write, TokenMessagesWire.ReadExpertOutputs),
        WireFormat.Of<OutputGradients>("grad", TokenMessagesWire.Write, TokenMessagesWire.ReadOutputGradients),
        WireFormat.Of<ServerStatus>("stat", PolicyMessagesWire.Write, PolicyMessagesWire.ReadServerStatus),
        WireFormat.Of<DecisionRequest>("req", PolicyMessagesWire.Write, PolicyMessagesWire.ReadDecisionRequest),
        WireFormat.Of<SlotDecision>("dec", PolicyMessagesWire.Write, PolicyMessagesWire.ReadSlotDecision),
        WireFormat.Of<EvaluationRequest>("evq", EvaluationMessagesWire.Write, EvaluationMessagesWire.ReadEvaluationRequest),
        WireFormat.Of<EvaluationOutputs>("evo", EvaluationMessagesWire.Write, EvaluationMessagesWire.ReadEvaluationOutputs),
        WireFormat.Of<ConnectChannel>("conn", WiringMessagesWire.Write, WiringMessagesWire.ReadConnectChannel),
        WireFormat.Of<CrashNodeNow>("crashnode", WiringMessagesWire.Write, WiringMessagesWire.ReadCrashNodeNow),
        WireFormat.Of<CaptureState>("cap", SnapshotMessagesWire.Write, SnapshotMessagesWire.ReadCaptureState),
        WireFormat.Of<ActorSnapshot>("snap", SnapshotMessagesWire.Write, SnapshotMessagesWire.ReadActorSnapshot),
        WireFormat.Of<RestoreImages>("rimg", SnapshotMessagesWire.Write, SnapshotMessagesWire.ReadRestoreImages),
        WireFormat.Of<ExpertServerSettings>("xss", ExpertServerSettingsWire.Write, ExpertServerSettingsWire.Read),
        WireFormat.Of<LinkSettings>("link", LinkSettingsWire.Write, LinkSettingsWire.Read),
        WireFormat.Of<ActorSeed>("seed", ActorSeedWire.Write, ActorSeedWire.Read),
        WireFormat.Of<StartLayer>("jstart", JesaLayerMessagesWire.Write, JesaLayerMessagesWire.ReadStartLayer),
        WireFormat.Of<GateReport>("jgate", JesaLayerMessagesWire.Write, JesaLayerMessagesWire.ReadGateReport),
        WireFormat.Of<Allocation>("jalloc", JesaLayerMessagesWire.Write, JesaLayerMessagesWire.ReadAllocation),
        WireFormat.Of<LayerDone>("jdone", JesaLayerMessagesWire.Write, JesaLayerMessagesWire.ReadLayerDone),
        WireFormat.Of<MeasureLink>("jmeas", JesaLinkMessagesWire.Write, JesaLinkMessagesWire.ReadMeasureLink),
        WireFormat.Of<LinkCsi>("jcsi", JesaLinkMessagesWire.Write, JesaLinkMessagesWire.ReadLinkCsi),
        WireFormat.Of<ForwardHiddenStates>("jfwd", JesaLinkMessagesWire.Write, JesaLinkMessagesWire.ReadForwardHiddenStates),
        WireFormat.Of<DeliveredHiddenStates>("jdel", JesaLinkMessagesWire.Write, JesaLinkMessagesWire.ReadDeliveredHiddenStates),
        WireFormat.Of<JesaExpertOutputs>("jout", JesaLinkMessagesWire.Write, JesaLinkMessagesWire.ReadExpertOutputs),
        WireFormat.Of<LinkWiring>("jlw", JesaWiringWire.Write, JesaWiringWire.ReadLinkWiring),
        WireFormat.Of<NodeWiring>("jnw", JesaWiringWire.Write, JesaWiringWire.ReadNodeWiring),
        WireFormat.Of<JesaRadio>("jradio", JesaSetupWire.Write, JesaSetupWire.ReadRadio),
        WireFormat.Of<ExpertNodeSetup>("jnode", JesaSetupWire.Write, JesaSetupWire.ReadNodeSetup),
        WireFormat.Of<NmoeClientSetup>("nsetup", NmoeSetupWire.Write, NmoeSetupWire.ReadSetup),
        WireFormat.Of<TrainRound>("ntrain", NmoeMessagesWire.Write, NmoeMessagesWire.ReadTrainRound),
        WireFormat.Of<ShareCorrelation>("nshare", NmoeMessagesWire.Write, NmoeMessagesWire.ReadShareCorrelation),
        WireFormat.Of<CorrelationShared>("ncorr", NmoeMessagesWire.Write, NmoeMessagesWire.ReadCorrelationShared),
        WireFormat.Of<RoundUpdate>("nupd", NmoeMessagesWire.Write, NmoeMessagesWire.ReadRoundUpdate),
        WireFormat.Of<WireClients>("nwire", NmoeMessagesWire.Write, NmoeMessagesWire.ReadWireClients),
        WireFormat.Of<AdoptExtractor>("nadx", NmoeMessagesWire.Write, NmoeMessagesWire.ReadAdoptExtractor),
        WireFormat.Of<AdoptFedAvg>("nadf", NmoeMessagesWire.Write, NmoeMessagesWire.ReadAdoptFedAvg),
        WireFormat.Of<TrainLocalClassifier>("nlocal", NmoeMessagesWire.Write, NmoeMessagesWire.ReadTrainLocalClassifier),
        WireFormat.Of<ShareFeatureMoments>("nmomq", NmoeMessagesWire.Write, NmoeMessagesWire.ReadShareFeatureMoments),
        WireFormat.Of<FeatureMomentsShared>("nmom", NmoeMessagesWire.Write, NmoeMessagesWire.ReadFeatureMomentsShared),
        WireFormat.Of<TrainExpert>("nexpert", NmoeMessagesWire.Write, NmoeMessagesWire.ReadTrainExpert),
        WireFormat.Of<PrepareFedGate>("nprep", NmoeMessagesWire.Write, NmoeMessagesWire.ReadPrepareFedGate),
        WireFormat.Of<RollGateTurn>("nroll", NmoeMessagesWire.Write, NmoeMessagesWire.ReadRollGateTurn),
        WireFormat.Of<GateUpdate>("ngate", NmoeMessagesWire.Write, NmoeMessagesWire.ReadGateUpdate),
        WireFormat.Of<ClientDone>("ndone", NmoeMessagesWire.Write, NmoeMessagesWire.ReadClientDone),
        WireFormat.Of<ClientMetrics>("nmet", NmoeMessagesWire.Write, NmoeMessagesWire.ReadClientMetrics),
        WireFormat.Of<Infer>("ninfer", NmoeMessagesWire.Write, NmoeMessagesWire.ReadInfer),
        WireFormat.Of<InferenceResult>("ninfr", NmoeMessagesWire.Write, NmoeMessagesWire.ReadInferenceResult),
        WireFormat.Of<ExpertQuery>("nquery", NmoeLinkMessagesWire.Write, NmoeLinkMessagesWire.ReadExpertQuery),
        WireFormat.Of<ExpertAnswer>("nanswer", NmoeLinkMessagesWire.Write, NmoeLinkMessagesWire.ReadExpertAnswer),
        WireFormat.Of<GetTraffic>("ntrafq", NmoeLinkMessagesWire.Write, NmoeLinkMessagesWire.ReadGetTraffic),
        WireFormat.Of<LinkTraffic>("ntraf", NmoeLinkMessagesWire.Write, NmoeLinkMessagesWire.ReadLinkTraffic),
        WireFormat.Of<CaptureClientState>("ncap", NmoeStateWire.Write, NmoeStateWire.ReadCaptureClientState),
        WireFormat.Of<ClientStateCaptured>("nstate", NmoeStateWire.Write, NmoeStateWire.ReadClientStateCaptured),
        WireFormat.Of<RestoreClientState>("nrestore", NmoeStateWire.Write, NmoeStateWire.ReadRestoreClientState),
    ];

    /// <summary>
    /// HOCON that registers <see cref="EdgeMoeSerializer"/> as "edgemoe" and binds every type of <see cref="Formats"/>
    /// to it; generated from the table so the two never drift. The identifier (417) comes from the serializer itself.
    /// </summary>
    public static string Hocon { get; } = BuildHocon();

    /// <summary><see cref="Hocon"/> parsed, to combine with a system's configuration (WithFallback).</summary>
    public static Config Configuration => ConfigurationFactory.ParseString(Hocon);

    private static string BuildHocon()
    {
        var hocon = new StringBuilder();
        hocon.AppendLine("akka.actor {");
        hocon.AppendLine($"  serializers.{SerializerName} = \"{QualifiedName(typeof(EdgeMoeSerializer))}\"");
        hocon.AppendLine("  serialization-bindings {");
        foreach (var format in Formats)
        {
            hocon.AppendLine($"    \"{QualifiedName(format.Type)}\" = {SerializerName}");
        }

        hocon.AppendLine("  }");
        hocon.AppendLine("}");
        return hocon.ToString();
    }

    private static string QualifiedName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
