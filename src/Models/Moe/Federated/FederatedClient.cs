using EdgeMoE.Models.Data;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// One networked-MoE client's local state and computations: its data, its copies of the federated networks, its
/// personal experts and its gate. Each purpose (FedCE, FedSC, ...) draws from its own generator, derived from the run
/// seed and a stable name, so processes that interleave on a client still replay exactly.
/// </summary>
public sealed class FederatedClient : IDisposable
{
    private readonly NmoeShape _shape;
    private readonly long _seed;
    private readonly string _name;
    private readonly Dictionary<string, Xoshiro256Random> _randoms = [];
    private readonly NmoeClassifier _fedCe;
    private readonly NmoeClassifier _fedAvg;
    private readonly NmoeClassifier _local;
    private readonly ContrastiveModel _fedSc;
    private readonly Dictionary<ExtractorKind, MlpExpert> _experts = [];
    private readonly Dictionary<(ExtractorKind, GateKind), GatingNetwork> _gates = [];
    private readonly Dictionary<ExtractorKind, (float[] Train, float[] Test)> _features = [];
    private readonly Dictionary<ExtractorKind, float[]> _labelProbabilities = [];
    private readonly Dictionary<ExtractorKind, int[]> _pseudoLabels = [];
    private readonly Dictionary<nn.Module, PinnedScalarAdam> _optimizers = [];

    /// <summary>Client <paramref name="index"/> of a run; <paramref name="name"/> (e.g. "nmoe/iid/client-3") names its generators.</summary>
    /// <param name="index">The client's index (its expert's index in the gate).</param>
    /// <param name="shape">The networks.</param>
    /// <param name="data">Its local data.</param>
    /// <param name="seed">The run seed.</param>
    /// <param name="name">A stable name unique to this client in the run.</param>
    /// <param name="share">q_i, its share of all clients' training samples.</param>
    public FederatedClient(int index, NmoeShape shape, ClientDataSplit data, long seed, string name, double share)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        Index = index;
        _shape = shape;
        _seed = seed;
        _name = name;
        Data = data;
        Share = share;
        _fedCe = shape.NewClassifier(Generator("fedce-init"));
        _fedAvg = shape.NewClassifier(Generator("fedavg-init"));
        _local = shape.NewClassifier(Generator("local-init"));
        _fedSc = shape.NewContrastive(Generator("fedsc-init"));
    }

    /// <summary>The client's index.</summary>
    public int Index { get; }

    /// <summary>Its local data.</summary>
    public ClientDataSplit Data { get; }

    /// <summary>q_i, its share of all training samples.</summary>
    public double Share { get; }

    /// <summary>FedCE round: loads the global extractor, trains extractor and own head, returns the extractor, the loss and the local model's test metrics.</summary>
    public (ModelWeights Weights, double Loss, ClassificationMetrics Metrics) FedCeRound(ModelWeights globalExtractor, LocalTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(globalExtractor);
        globalExtractor.LoadInto(_fedCe.Extractor);
        var loss = ImageTraining.CrossEntropy(_fedCe, Optimizer(_fedCe, options.LearningRate), Data.Train, options, Random("fedce"));
        return (ModelWeights.Of(_fedCe.Extractor), loss, Evaluate(_fedCe));
    }

    /// <summary>FedAvg round: loads the global classifier, trains it, returns it with the loss and its test metrics.</summary>
    public (ModelWeights Weights, double Loss, ClassificationMetrics Metrics) FedAvgRound(ModelWeights globalClassifier, LocalTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(globalClassifier);
        globalClassifier.LoadInto(_fedAvg);
        var loss = ImageTraining.CrossEntropy(_fedAvg, Optimizer(_fedAvg, options.LearningRate), Data.Train, options, Random("fedavg"));
        return (ModelWeights.Of(_fedAvg), loss, Evaluate(_fedAvg));
    }

    /// <summary>FedSC, first half of a round: R_i of the global extractor and projection on the local data, with DP noise, to share.</summary>
    public float[] FedScCorrelation(ModelWeights global, int batchSize, double noiseStd)
    {
        ArgumentNullException.ThrowIfNull(global);
        global.LoadInto(_fedSc);
        return ImageTraining.Correlation(_fedSc, Data.Train, batchSize, noiseStd, Random("fedsc-correlation"));
    }

    /// <summary>FedSC, second half: trains from the global weights on eq. 4 against R̄_{−i}; returns the weights and the loss.</summary>
    public (ModelWeights Weights, double Loss) FedScRound(ModelWeights global, float[]? others, LocalTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(options);
        global.LoadInto(_fedSc);
        var loss = ImageTraining.Contrastive(_fedSc, Optimizer(_fedSc, options.LearningRate), Data.Train, options, Share, others, Random("fedsc"));
        return (ModelWeights.Of(_fedSc), loss);
    }

    /// <summary>Takes the final global extractor of stage 1 (for FedSC with its projection), also when the client missed the last rounds.</summary>
    public void AdoptExtractor(ExtractorKind kind, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (kind == ExtractorKind.FedCe)
        {
            weights.LoadInto(_fedCe.Extractor);
        }
        else
        {
            weights.LoadInto(_fedSc);
        }
    }

    /// <summary>Takes the final global FedAvg classifier and returns its metrics on the client's test set.</summary>
    public ClassificationMetrics AdoptFedAvg(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.LoadInto(_fedAvg);
        return Evaluate(_fedAvg);
    }

    /// <summary>Trains the local classifier alone on the local data; returns its loss and test metrics.</summary>
    public (double Loss, ClassificationMetrics Metrics) TrainLocal(LocalTrainingOptions options)
    {
        var loss = ImageTraining.CrossEntropy(_local, Optimizer(_local, options.LearningRate), Data.Train, options, Random("local"));
        return (loss, Evaluate(_local));
    }

    /// <summary>The moments of the raw training features F(x) under the frozen extractor of <paramref name="kind"/>, to share.</summary>
    public FeatureMoments TrainFeatureMoments(ExtractorKind kind) =>
        FeatureMoments.Of(ImageTraining.Features(Extractor(kind), Data.Train), _shape.FeatureSize);

    /// <summary>
    /// Stage 2 (eq. 5): the personal expert on the frozen extractor of <paramref name="kind"/>, reading its features
    /// standardised by <paramref name="standardisation"/> (as the gates and the peers' experts then do). After FedCE it
    /// starts from the stage-1 head (fine-tuned), its first layer rewritten for standardised inputs; after FedSC from a
    /// fresh network. Returns the loss of its last epoch.
    /// </summary>
    public double TrainExpert(ExtractorKind kind, LocalTrainingOptions options, FeatureStandardisation standardisation)
    {
        ArgumentNullException.ThrowIfNull(standardisation);
        var extractor = Extractor(kind);
        var features = (standardisation.Apply(ImageTraining.Features(extractor, Data.Train)), standardisation.Apply(ImageTraining.Features(extractor, Data.Test)));
        _features[kind] = features;
        var expert = _shape.NewExpert(Generator($"{kind}-expert-init"));
        if (kind == ExtractorKind.FedCe)
        {
            standardisation.FoldIntoFirstLayer(ModelWeights.Of(_fedCe.Head)).LoadInto(expert);
        }

        _experts[kind] = expert;
        return FeatureTraining.CrossEntropy(expert, features.Item1, Data.Train.Labels, options, Random($"{kind}-expert"));
    }

    /// <summary>Standardised F(x) of the training (or test) images under the extractor of <paramref name="kind"/>, [n, d] (after stage 2).</summary>
    public float[] Features(ExtractorKind kind, bool test) => test ? _features[kind].Test : _features[kind].Train;

    /// <summary>Class probabilities of this client's expert on features [count, d] (what a peer's query gets back).</summary>
    public float[] ExpertProbabilities(ExtractorKind kind, float[] features, int count) =>
        FeatureTraining.Probabilities(_experts[kind], features, count);

    /// <summary>Stores p_i(y|h) of every expert i for each training sample's label, [n, M], which FedGate trains on.</summary>
    public void SetLabelProbabilities(ExtractorKind kind, float[] probabilities) => _labelProbabilities[kind] = probabilities;

    /// <summary>FedGate round: loads the global gate, trains it on the mixture likelihood, returns it and the loss.</summary>
    public (ModelWeights Weights, double Loss) FedGateRound(ExtractorKind kind, ModelWeights globalGate, LocalTrainingOptions options, double balanceWeight)
    {
        ArgumentNullException.ThrowIfNull(globalGate);
        var gate = Gate(kind, GateKind.FedGate);
        globalGate.LoadInto(gate);
        var loss = FeatureTraining.MixtureGate(gate, _features[kind].Train, _labelProbabilities[kind], options, balanceWeight, normaliseGradients: true, Random($"{kind}-fedgate"));
        return (ModelWeights.Of(gate), loss);
    }

    /// <summary>RollGate turn: takes the gate from the previous client, trains it on this client's pseudo labels, passes it on.</summary>
    public (ModelWeights Weights, double Loss) RollGateTurn(ExtractorKind kind, ModelWeights gateWeights, LocalTrainingOptions options, double ownShare)
    {
        ArgumentNullException.ThrowIfNull(gateWeights);
        var gate = Gate(kind, GateKind.RollGate);
        gateWeights.LoadInto(gate);
        if (!_pseudoLabels.TryGetValue(kind, out var labels))
        {
            labels = RollGateLabels.Draw(Index, _shape.Clients, Data.Train.Count, ownShare, Random($"{kind}-rollgate-labels"));
            _pseudoLabels[kind] = labels;
        }

        var loss = FeatureTraining.CrossEntropy(gate, _features[kind].Train, labels, options, Random($"{kind}-rollgate"), Optimizer(gate, options.LearningRate));
        return (ModelWeights.Of(gate), loss);
    }

    /// <summary>The expert (client index) each test sample goes to, top-1: a uniform draw for RanGate, else the gate's argmax.</summary>
    public int[] Route(ExtractorKind kind, GateKind gateKind, ModelWeights? gateWeights)
    {
        var test = _features[kind].Test;
        var count = Data.Test.Count;
        if (gateKind == GateKind.RanGate)
        {
            var random = Random($"{kind}-rangate");
            return [.. Enumerable.Range(0, count).Select(_ => random.Next(_shape.Clients))];
        }

        var gate = Gate(kind, gateKind);
        (gateWeights ?? throw new ArgumentNullException(nameof(gateWeights))).LoadInto(gate);
        var scores = FeatureTraining.Probabilities(gate, test, count);
        return [.. GatingNetwork.TopK(scores, _shape.Clients, 1).Select(top => top[0])];
    }

    /// <summary>Metrics of class probabilities [n_test, classes] against the client's test labels.</summary>
    public ClassificationMetrics Metrics(float[] probabilities) => ClassificationMetrics.Of(probabilities, Data.Test.Labels, _shape.Classes);

    /// <summary>A copy of everything the client has learnt and drawn so far (for a checkpoint).</summary>
    public FederatedClientState Capture()
    {
        var networks = Networks().ToList();
        return new FederatedClientState(
            _randoms.ToDictionary(r => r.Key, r => r.Value.GetState(), StringComparer.Ordinal),
            networks.ToDictionary(n => n.Key, n => ModelWeights.Of(n.Module), StringComparer.Ordinal),
            networks.Where(n => _optimizers.ContainsKey(n.Module)).ToDictionary(n => n.Key, n => new AdamSnapshot(_optimizers[n.Module].ParamGroups.Single().LearningRate, _optimizers[n.Module].ExportMoments()), StringComparer.Ordinal),
            _features.SelectMany(f => new[] { KeyValuePair.Create($"features-{f.Key}-train", f.Value.Train), KeyValuePair.Create($"features-{f.Key}-test", f.Value.Test) })
                .Concat(_labelProbabilities.Select(p => KeyValuePair.Create($"label-probabilities-{p.Key}", p.Value)))
                .ToDictionary(StringComparer.Ordinal),
            _pseudoLabels.ToDictionary(p => $"pseudo-labels-{p.Key}", p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>Puts a fresh client back in the state <see cref="Capture"/> copied from a client of the same index, shape and data.</summary>
    /// <exception cref="ArgumentException">The state names an unknown network or does not fit this client's networks.</exception>
    public void Restore(FederatedClientState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (purpose, words) in state.Randoms)
        {
            _randoms[purpose] = Xoshiro256Random.FromState(words);
        }

        // Experts and gates are made on first use; made again here (their init draws are overwritten at once).
        foreach (var key in state.Networks.Keys)
        {
            var parts = key.Split('-');
            if (parts is ["expert", var kind])
            {
                _experts[Enum.Parse<ExtractorKind>(kind)] = _shape.NewExpert(Generator($"{kind}-expert-init"));
            }
            else if (parts is ["gate", var extractor, var gate])
            {
                Gate(Enum.Parse<ExtractorKind>(extractor), Enum.Parse<GateKind>(gate));
            }
        }

        var networks = Networks().ToDictionary(n => n.Key, n => n.Module, StringComparer.Ordinal);
        foreach (var (key, weights) in state.Networks)
        {
            weights.LoadInto(networks.TryGetValue(key, out var module) ? module : throw new ArgumentException($"client {Index}: no network {key}"));
        }

        foreach (var (key, adam) in state.Optimisers)
        {
            Optimizer(networks.TryGetValue(key, out var module) ? module : throw new ArgumentException($"client {Index}: no network {key}"), adam.LearningRate).ImportMoments(adam.Parameters);
        }

        foreach (var kind in Enum.GetValues<ExtractorKind>())
        {
            if (state.Arrays.TryGetValue($"features-{kind}-train", out var train) && state.Arrays.TryGetValue($"features-{kind}-test", out var test))
            {
                _features[kind] = (train, test);
            }

            if (state.Arrays.TryGetValue($"label-probabilities-{kind}", out var probabilities))
            {
                _labelProbabilities[kind] = probabilities;
            }

            if (state.PseudoLabels.TryGetValue($"pseudo-labels-{kind}", out var labels))
            {
                _pseudoLabels[kind] = labels;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _fedCe.Dispose();
        _fedAvg.Dispose();
        _local.Dispose();
        _fedSc.Dispose();
        foreach (var optimizer in _optimizers.Values)
        {
            optimizer.Dispose();
        }

        foreach (var module in _experts.Values.Cast<nn.Module>().Concat(_gates.Values))
        {
            module.Dispose();
        }
    }

    /// <summary>
    /// The client's Adam for <paramref name="model"/>, made on first use and kept across rounds: the global weights are
    /// copied into the same parameters, so its moments carry on. A fresh Adam each round made full-size first steps on
    /// every round's start (IID FedCE then ended below the local classifier trained alone, measured).
    /// </summary>
    private PinnedScalarAdam Optimizer(nn.Module model, double learningRate)
    {
        if (!_optimizers.TryGetValue(model, out var optimizer))
        {
            optimizer = new PinnedScalarAdam(model.parameters(), learningRate);
            _optimizers[model] = optimizer;
        }

        return optimizer;
    }

    /// <summary>Every network the client holds now, under its stable key.</summary>
    private IEnumerable<(string Key, nn.Module Module)> Networks()
    {
        yield return ("fedce", _fedCe);
        yield return ("fedavg", _fedAvg);
        yield return ("local", _local);
        yield return ("fedsc", _fedSc);
        foreach (var (kind, expert) in _experts)
        {
            yield return ($"expert-{kind}", expert);
        }

        foreach (var ((kind, gateKind), gate) in _gates)
        {
            yield return ($"gate-{kind}-{gateKind}", gate);
        }
    }

    private GatingNetwork Gate(ExtractorKind kind, GateKind gateKind)
    {
        if (!_gates.TryGetValue((kind, gateKind), out var gate))
        {
            gate = _shape.NewGate(Generator($"{kind}-{gateKind}-init"));
            _gates[(kind, gateKind)] = gate;
        }

        return gate;
    }

    private CnnFeatureExtractor Extractor(ExtractorKind kind) => kind == ExtractorKind.FedCe ? _fedCe.Extractor : _fedSc.Extractor;

    private ClassificationMetrics Evaluate(NmoeClassifier model) => Metrics(ImageTraining.Probabilities(model, Data.Test));

    private Xoshiro256Random Random(string purpose)
    {
        if (!_randoms.TryGetValue(purpose, out var random))
        {
            random = new Xoshiro256Random(StableHash.Mix64(unchecked((ulong)_seed) ^ StableHash.Fnv1a64($"{_name}/{purpose}")));
            _randoms[purpose] = random;
        }

        return random;
    }

    private Generator Generator(string purpose) => NetworkSeed.Generator(_seed, $"{_name}/{purpose}");
}
