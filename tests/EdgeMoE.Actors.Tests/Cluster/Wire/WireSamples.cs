using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Actors.Jesa.Links;
using EdgeMoE.Actors.Jesa.Messages;
using EdgeMoE.Actors.Jesa.Nodes;
using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Models.Compute;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Vit;
using EdgeMoE.Models.Wireless.Channel;
using EdgeMoE.Models.Wireless.Distortion;
using EdgeMoE.Models.Wireless.Fading;
using EdgeMoE.Policies.Routing;
using ExpertOutputs = EdgeMoE.Actors.Edge.Messages.ExpertOutputs;
using JesaExpertOutputs = EdgeMoE.Actors.Jesa.Messages.ExpertOutputs;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

/// <summary>One value of every type on the wire, with awkward numbers: NaN payloads, −0.0, subnormals, extremes.</summary>
internal static class WireSamples
{
    /// <summary>A quiet NaN with a payload, which a careless encoding would canonicalise.</summary>
    public static readonly float NaNWithPayload = BitConverter.Int32BitsToSingle(0x7FC0_1234);

    public static readonly double DoubleNaNWithPayload = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_BEEF);

    /// <summary>Floats that must come back bit for bit.</summary>
    public static float[] AwkwardFloats(int extra = 0) =>
    [
        0.5f, -0f, float.Epsilon, -float.Epsilon, 1.1754942E-38f, NaNWithPayload, float.NaN, float.PositiveInfinity,
        float.NegativeInfinity, float.MaxValue, float.MinValue, 3.14159274f,
        .. Enumerable.Range(0, extra).Select(i => (float)Math.Sin(i)),
    ];

    /// <summary>Samples by manifest; <paramref name="someActor"/> fills the actor references.</summary>
    public static IReadOnlyDictionary<string, object> All(IActorRef someActor) => new Dictionary<string, object>
    {
        ["tick"] = new SlotTick(long.MaxValue, TimeSpan.FromTicks(-123_456_789)),
        ["rrep"] = new RouterSlotReport(7, 117, -1, double.NaN, -0.0, double.Epsilon, TimeSpan.MaxValue, new RouterTokens(12, 3, 1, [4, 4, 9, long.MaxValue], [0, 2, 1, int.MaxValue])),
        ["srep"] = new ServerSlotReport(long.MinValue, 9, true, 40, 39, 1L << 40, DoubleNaNWithPayload, 2.5e-300, 3e9, int.MinValue, TimeSpan.MinValue, [17, long.MinValue, 3]),
        ["rejoin"] = new ServerRejoin(long.MaxValue),
        ["lrep"] = new LinkSlotReport(3, int.MaxValue, 9.4e6, double.PositiveInfinity, TimeSpan.FromSeconds(1.25)),
        ["evm"] = new EvaluateModel(12, true),
        ["evr"] = new EvaluationReport(-5, 0.8125),
        ["batch"] = new TokenBatch(2, [1_000_000, 1_000_001, 5, long.MaxValue, long.MinValue], [0, 9, -3, int.MaxValue, int.MinValue], [59_999, 0, 127, 128, 300], AwkwardFloats(3), TimeSpan.FromMilliseconds(3)),
        ["disp"] = new TokenDispatch(4, 2, [17, 3, 99], [16_383, 16_384, 0], AwkwardFloats(), 2.4e9, TimeSpan.FromTicks(99), 83),
        ["out"] = new ExpertOutputs(4, 2, [3, 17], AwkwardFloats(1), TimeSpan.FromTicks(long.MaxValue)),
        ["grad"] = new OutputGradients(4, 2, [], [], TimeSpan.Zero),
        ["stat"] = new ServerStatus(6, 1, 250, 12.75, false),
        ["req"] = new DecisionRequest(6, new GatingScores(2, 3, [0.25, -0.0, double.Epsilon, DoubleNaNWithPayload, 1, 0.75])),
        ["dec"] = new SlotDecision(6, [[0, 2], [], [1, 2, 3]], [3e9, 0, -0.0, DoubleNaNWithPayload], -17.5, [16, 0, long.MaxValue, 83]),
        ["evq"] = new EvaluationRequest(8, AwkwardFloats(5)),
        ["evo"] = new EvaluationOutputs(8, 3, AwkwardFloats()),
        ["conn"] = new ConnectChannel(someActor),
        ["crashnode"] = new CrashNodeNow(long.MinValue),
        ["cap"] = new CaptureState(long.MaxValue),
        ["snap"] = new ActorSnapshot(9, "server-3 · é", [0, 255, 7], [new NamedTensor("weights", AwkwardFloats(2)), new NamedTensor("adam.exp_avg", [])])
        {
            ImageIndices = [59_999, 0, 128],
            Images = AwkwardFloats(3),
        },
        ["rimg"] = new RestoreImages(int.MaxValue, AwkwardFloats(4)),
        ["xss"] = new ExpertServerSettings(
            3,
            new ServerProfile(1e7, 2e-27, 1.0, 3e9, double.PositiveInfinity, 2),
            new CnnOptions(1, 28, 28, [8, 16], 32, 5),
            10,
            1e-3f,
            [new OutageWindow(5, 7), new OutageWindow(-1, long.MaxValue)]),
        ["link"] = new LinkSettings(
            4, new OfdmaLinkBudget(15e3, 0.01, 1e-9), 0.5, new SmallScaleFading(3, -0.25), new DigitalTransmission(6, Modulation.Qam16, 0.5),
            [new RateWindow(20, 80, 0.1), new RateWindow(0, long.MaxValue, double.Epsilon)]),
        ["seed"] = new ActorSeed(ulong.MaxValue, "/user/server-3 · é"),
        ["jstart"] = new StartLayer(int.MaxValue, 0, AwkwardFloats(2), 9),
        ["jgate"] = new GateReport(7, 3, 1, [[0.5, -0.0, DoubleNaNWithPayload], [], [double.Epsilon, 1, double.NegativeInfinity]]),
        ["jalloc"] = new Allocation(2, 7, [[0, 3], [], [1, 2, 7]], [-1, 2047, 0, int.MinValue], [1, 5]),
        ["jdone"] = new LayerDone(0, int.MinValue, 5, 2.5e-300, DoubleNaNWithPayload, true),
        ["jmeas"] = new MeasureLink(-1, 7),
        ["jcsi"] = new LinkCsi(3, 4, 12, 7, [1e-2, -0.0, DoubleNaNWithPayload, double.MaxValue]),
        ["jfwd"] = new ForwardHiddenStates(1, 6, 9, 2, 2047, [0, 5, 15], AwkwardFloats(4)),
        ["jdel"] = new DeliveredHiddenStates(6, 1, 9, 2, [], [], -0.0),
        ["jout"] = new JesaExpertOutputs(6, 1, 9, 2, [3, 15], AwkwardFloats()),
        ["jlw"] = new LinkWiring([someActor, someActor]),
        ["jnw"] = new NodeWiring(someActor, [null, someActor, someActor, null]),
        ["jradio"] = new JesaRadio(1e6, 1e-2, 1e-3 * double.Epsilon, 1e-2, 2048, 65536),
        ["jnode"] = new ExpertNodeSetup(7, "/tmp/moe vit · é.safetensors", new MoeVitOptions(28, 7, 32, 8, 2, 8, 64, 2, 10), 8e-3),
        ["nsetup"] = NmoeSetup(),
        ["ntrain"] = new TrainRound(FederatedTask.FedSc, int.MaxValue, Weights(), AwkwardFloats(3)),
        ["nshare"] = new ShareCorrelation(0, new ModelWeights([], [])),
        ["ncorr"] = new CorrelationShared(-1, 7, AwkwardFloats(4)),
        ["nupd"] = new RoundUpdate(3, FederatedTask.FedGateOnFedSc, 12, Weights(), DoubleNaNWithPayload, new ClassificationMetrics(1, -0.0, double.Epsilon)),
        ["nwire"] = new WireClients(someActor, [someActor, someActor, someActor]),
        ["nadx"] = new AdoptExtractor(ExtractorKind.FedSc, Weights()),
        ["nadf"] = new AdoptFedAvg(Weights()),
        ["nlocal"] = new TrainLocalClassifier(new LocalTrainingOptions(int.MaxValue, 1, double.Epsilon, int.MinValue)),
        ["nmomq"] = new ShareFeatureMoments(ExtractorKind.FedSc),
        ["nmom"] = new FeatureMomentsShared(int.MaxValue, new FeatureMoments([0.5, -0.0, DoubleNaNWithPayload, double.MaxValue], [double.Epsilon], long.MaxValue)),
        ["nexpert"] = new TrainExpert(ExtractorKind.FedCe, new LocalTrainingOptions(0, -1, -0.0, 0), new FeatureStandardisation(AwkwardFloats(1), [])),
        ["nprep"] = new PrepareFedGate(ExtractorKind.FedSc),
        ["nroll"] = new RollGateTurn(ExtractorKind.FedCe, Weights(), new LocalTrainingOptions(3, 64, 1e-3, 1), -0.0),
        ["ngate"] = new GateUpdate(0, Weights(), double.NegativeInfinity),
        ["ndone"] = new ClientDone(int.MinValue, DoubleNaNWithPayload),
        ["nmet"] = new ClientMetrics(5, new ClassificationMetrics(DoubleNaNWithPayload, 0.8125, double.MaxValue)),
        ["ninfer"] = new Infer(ExtractorKind.FedSc, GateKind.RanGate, null),
        ["ninfr"] = new InferenceResult(2, new ClassificationMetrics(0, 1, 0.5), [0, 1_750, int.MaxValue, -1]),
        ["nquery"] = new ExpertQuery(1, 6, ExtractorKind.FedSc, long.MinValue, AwkwardFloats(2), int.MaxValue),
        ["nanswer"] = new ExpertAnswer(6, -1, long.MaxValue, AwkwardFloats()),
        ["ntrafq"] = new GetTraffic(),
        ["ntraf"] = new LinkTraffic(3, long.MaxValue, 0),
        ["ncap"] = new CaptureClientState(),
        ["nstate"] = new ClientStateCaptured(4, ClientState()),
        ["nrestore"] = new RestoreClientState(new FederatedClientState(
            new Dictionary<string, ulong[]>(), new Dictionary<string, ModelWeights>(), new Dictionary<string, AdamSnapshot>(), new Dictionary<string, float[]>(), new Dictionary<string, int[]>())),
    };

    /// <summary>
    /// A client's setup whose training images are 8-bit levels (one byte a pixel) and whose test images are not (raw
    /// float32: −0, subnormals, 0.1, the float below 1).
    /// </summary>
    public static NmoeClientSetup NmoeSetup()
    {
        var train = new LabeledImages([0f, 1f, 128 / 255f, 1 / 255f, 254 / 255f, 7 / 255f, 1f, 0f, 0f, 0f, 3 / 255f, 200 / 255f], [9, 0], 1, 2, 3, 10);
        var test = new LabeledImages([-0f, float.Epsilon, 1.1754942E-38f, 0.1f, MathF.BitDecrement(1f), 1f], [3, 3], 3, 1, 1, 4);
        return new NmoeClientSetup(
            3,
            new NmoeShape(new CnnOptions(1, 28, 28, [8, 16], 32, 5), 64, 0, 10, int.MaxValue),
            new ClientDataSplit(train, test),
            long.MinValue,
            "client-3 · é ✓",
            DoubleNaNWithPayload,
            new ClientTraining(
                new LocalTrainingOptions(1, 32, 1e-3),
                new LocalTrainingOptions(int.MaxValue, 1, double.Epsilon, int.MaxValue),
                new LocalTrainingOptions(0, -1, -0.0, int.MinValue),
                -0.0,
                double.PositiveInfinity));
    }

    /// <summary>Weights with an empty parameter, an empty name and a unicode one.</summary>
    public static ModelWeights Weights() => new(["conv.0.weight", "head.bias · é", ""], [AwkwardFloats(2), [], [float.MaxValue, -0f]]);

    /// <summary>A client's state whose dictionaries are not in key order (their order must survive).</summary>
    public static FederatedClientState ClientState() => new(
        new Dictionary<string, ulong[]>
        {
            ["zeta-rangate"] = [ulong.MaxValue, 0, 1UL << 63, 12_345],
            ["FedCe-expert-init · é"] = [1, 2, 3, 4],
            ["empty"] = [],
        },
        new Dictionary<string, ModelWeights> { ["gate-FedSc-RollGate"] = Weights(), ["expert-FedCe"] = new([], []) },
        new Dictionary<string, AdamSnapshot>
        {
            ["fedce"] = new(1e-3, [new AdamMoments(long.MaxValue, AwkwardFloats(1), []), new AdamMoments(long.MinValue, [], [NaNWithPayload])]),
            ["expert-FedCe"] = new(DoubleNaNWithPayload, []),
        },
        new Dictionary<string, float[]> { ["features-FedCe-train"] = AwkwardFloats(5), ["label-probabilities-FedCe"] = [] },
        new Dictionary<string, int[]> { ["pseudo-labels-FedSc"] = [0, -1, int.MaxValue, int.MinValue], ["pseudo-labels-FedCe"] = [] });

    /// <summary>The other shapes of a link's transmission (the sample above is digital).</summary>
    public static IEnumerable<LinkSettings> OtherLinks()
    {
        yield return new LinkSettings(1, new OfdmaLinkBudget(1, 2, 3), 4, SmallScaleFading.RayleighBlock, null);
        yield return new LinkSettings(2, new OfdmaLinkBudget(1, 2, 3), 4, new SmallScaleFading(1e12), new AnalogTransmission());
    }
}
