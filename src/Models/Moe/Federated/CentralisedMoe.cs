using EdgeMoE.Models.Data;
using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static EdgeMoE.Models.Nn.PinnedScalarMath;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// The centralised MoE baseline (Section II-A): one extractor, one gate and M experts of the networked MoE's shapes,
/// trained end to end on all clients' data in one place with the mixture likelihood −log Σ_i G(h)_i p_i(y|h) plus the
/// Switch load-balancing loss; inference routes each sample top-1, like the networked MoE.
/// </summary>
public sealed class CentralisedMoe : nn.Module
{
    private readonly CnnFeatureExtractor _extractor;
    private readonly GatingNetwork _gate;
    private readonly ModuleList<MlpExpert> _experts;

    /// <summary>A model of <paramref name="shape"/> (M = shape.Clients experts) initialised from <paramref name="generator"/>.</summary>
    public CentralisedMoe(NmoeShape shape, Generator generator)
        : base(nameof(CentralisedMoe))
    {
        ArgumentNullException.ThrowIfNull(shape);
        Shape = shape;
        _extractor = shape.NewExtractor(generator);
        _gate = shape.NewGate(generator);
        _experts = new ModuleList<MlpExpert>([.. Enumerable.Range(0, shape.Clients).Select(_ => shape.NewExpert(generator))]);
        register_module("extractor", _extractor);
        register_module("gate", _gate);
        register_module("experts", _experts);
    }

    /// <summary>The networks' shapes.</summary>
    public NmoeShape Shape { get; }

    /// <summary>Trains on <paramref name="data"/>; returns the mean batch loss of the last epoch.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled (checked before every batch).</exception>
    public double Train(LabeledImages data, LocalTrainingOptions options, double balanceWeight, Random random, Action<int, double>? epochDone = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        using var optimizer = new PinnedScalarAdam(parameters(), options.LearningRate);
        var pixels = new float[options.BatchSize * data.ImageSize];
        var labels = new int[options.BatchSize];
        var m = Shape.Clients;
        train();
        var last = 0.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = EpochOrder.Shuffled(data.Count, random);
            var (sum, batches) = (0.0, 0);
            foreach (var (start, length) in EpochOrder.Batches(data.Count, options.BatchSize))
            {
                cancel.ThrowIfCancellationRequested();
                data.Gather(order.AsSpan(start, length), pixels, labels);
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var features = _extractor.forward(TensorInput.Floats(pixels.AsSpan(0, length * data.ImageSize), length, data.Channels, data.Height, data.Width));
                var logits = _gate.forward(features);
                var target = TensorInput.Labels(labels.AsSpan(0, length)).unsqueeze(1);
                var expertLog = torch.stack(_experts.Select(e => e.forward(features).log_softmax(1).gather(1, target).squeeze(1)), 1);
                var loss = -Add(logits.log_softmax(1), expertLog).logsumexp(1).mean();
                if (balanceWeight > 0)
                {
                    var probabilities = logits.softmax(1);
                    var routed = nn.functional.one_hot(probabilities.argmax(1), m).to(ScalarType.Float32).mean([0]);
                    loss = Add(loss, Mul((routed * probabilities.mean([0])).sum(), balanceWeight * m));
                }

                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }

            last = batches == 0 ? 0 : sum / batches;
            epochDone?.Invoke(epoch, last);
        }

        return last;
    }

    /// <summary>Top-1 inference: the chosen expert of each image and its class probabilities, row-major [n, classes].</summary>
    public (int[] Chosen, float[] Probabilities) Infer(LabeledImages data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var features = ImageTraining.Features(_extractor, data);
        var chosen = GatingNetwork.TopK(FeatureTraining.Probabilities(_gate, features, data.Count), Shape.Clients, 1).Select(t => t[0]).ToArray();
        var probabilities = new float[data.Count * Shape.Classes];
        for (var e = 0; e < Shape.Clients; e++)
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => chosen[i] == e).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }

            var output = FeatureTraining.Probabilities(_experts[e], EpochOrder.Rows(features, Shape.FeatureSize, rows), rows.Length);
            for (var r = 0; r < rows.Length; r++)
            {
                Array.Copy(output, r * Shape.Classes, probabilities, rows[r] * Shape.Classes, Shape.Classes);
            }
        }

        return (chosen, probabilities);
    }
}
