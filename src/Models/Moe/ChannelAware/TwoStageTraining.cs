using EdgeMoE.Models.Data;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Wireless.Distortion;
using TorchSharp;
using static TorchSharp.torch;
using static EdgeMoE.Models.Nn.PinnedScalarMath;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// The paper's two-stage training. Stage 1 trains F, G and the experts on ideal links; stage 2 freezes F and the
/// experts and trains G_AW on features each expert receives corrupted by its own link. Stage 1 minimises the mixture's
/// negative log-likelihood −log Σ_k g_k·p_k(y) (all experts evaluated) or Switch's top-1 cross-entropy
/// (<see cref="Stage1Loss"/>), stage 2 the mixture likelihood; both add α times the Switch load-balancing loss.
/// Inference routes top-1 either way.
/// </summary>
public static class TwoStageTraining
{
    /// <summary>
    /// Stage 1 on <paramref name="images"/>, shuffled each epoch by <paramref name="random"/>, for options.Epochs epochs
    /// or fewer when <paramref name="stop"/> ends it (<paramref name="onValidation"/> gets each epoch's held-out
    /// accuracy, a fraction; a stall with learning-rate drops left lowers the rate instead of stopping), minimising
    /// <paramref name="loss"/>; returns the number of epochs run. With
    /// <paramref name="keepBest"/> and a <paramref name="stop"/>, F, G and the experts end with the weights of the epoch
    /// of best held-out accuracy; otherwise with the last epoch's.
    /// </summary>
    public static int TrainIdeal(
        ChannelAwareMoe model, LabeledImages images, TrainingOptions options, Random random, Action<int, double>? onEpoch = null,
        ValidationStop? stop = null, Action<int, double>? onValidation = null, Stage1Loss loss = Stage1Loss.Mixture, bool keepBest = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        using var optimizer = IdealOptimizer(model, options);
        var progress = new StoppingProgress();
        using var best = new BestStage1Weights();
        var epochs = options.Epochs;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            // Trained whether or not anyone listens: ?.Invoke would skip evaluating its arguments.
            var meanLoss = IdealEpoch(model, images, options, random, optimizer, loss);
            onEpoch?.Invoke(epoch, meanLoss);
            if (stop is null)
            {
                continue;
            }

            var accuracy = model.IdealAccuracy(stop.Images);
            onValidation?.Invoke(epoch, accuracy);
            var stopNow = progress.Observe(epoch + 1, accuracy, stop);
            if (progress.Dropped)
            {
                SetRate(optimizer, progress.Rate(options.LearningRate, stop));
            }

            if (keepBest)
            {
                best.Offer(model, progress);
            }

            if (stopNow)
            {
                epochs = epoch + 1;
                break;
            }
        }

        best.RestoreInto(model);
        return epochs;
    }

    /// <summary>Stage 1's optimiser: Adam over F, G and every expert.</summary>
    public static PinnedScalarAdam IdealOptimizer(ChannelAwareMoe model, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var parameters = model.Backbone.parameters().Concat(model.NaiveGate.parameters())
            .Concat(model.ExpertNetworks.SelectMany(e => e.parameters())).ToArray();
        return new PinnedScalarAdam(parameters, options.LearningRate);
    }

    /// <summary>Sets the learning rate of every parameter group of <paramref name="optimizer"/> (its moments stay).</summary>
    public static void SetRate(PinnedScalarAdam optimizer, double rate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }
    }

    /// <summary>
    /// One epoch of stage 1 minimising <paramref name="loss"/> (shuffled by <paramref name="random"/>, updated by
    /// <paramref name="optimizer"/> from <see cref="IdealOptimizer"/>); returns its mean loss.
    /// </summary>
    public static double IdealEpoch(
        ChannelAwareMoe model, LabeledImages images, TrainingOptions options, Random random, PinnedScalarAdam optimizer, Stage1Loss loss = Stage1Loss.Mixture)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(optimizer);
        var pixels = new float[options.BatchSize * images.ImageSize];
        var labels = new int[options.BatchSize];
        var order = Shuffled(images.Count, random);
        double total = 0;
        var steps = 0;
        for (var start = 0; start < order.Length; start += options.BatchSize)
        {
            var n = Math.Min(options.BatchSize, order.Length - start);
            images.Gather(order.AsSpan(start, n), pixels.AsSpan(0, n * images.ImageSize), labels.AsSpan(0, n));
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var z = model.Backbone.forward(TensorInput.Floats(pixels.AsSpan(0, n * images.ImageSize), n, images.Channels, images.Height, images.Width));
            var gateLogits = model.NaiveGate.forward(z);
            var y = TensorInput.Labels(labels.AsSpan(0, n));
            var expertLogits = model.ExpertNetworks.Select(e => e.forward(z)).ToArray();
            var task = loss == Stage1Loss.Switch
                ? SwitchRouting.CrossEntropy(gateLogits, torch.stack(expertLogits, 1), y)
                : MixtureNll(gateLogits, torch.stack(expertLogits.Select(l => LabelLogLikelihood(l, y)), 1));
            var objective = Add(task, Mul(SwitchBalanceLoss.Of(gateLogits.softmax(1)), options.BalanceWeight));
            objective.backward();
            optimizer.step();
            total += objective.item<float>();
            steps++;
        }

        return total / Math.Max(1, steps);
    }

    /// <summary>
    /// Stage 2 on precomputed features z [count, 84] (F frozen) with their labels: per sample and link a mean SNR from
    /// <paramref name="law"/>, an instantaneous SNR from <paramref name="fading"/>, the link's σ̃² for the gate and the
    /// features as that expert receives them. Only G_AW learns, started from <paramref name="start"/> (G's parameters;
    /// null: G as it is). Returns the last epoch's mean loss.
    /// </summary>
    public static double TrainChannelAware(
        ChannelAwareMoe model, float[] features, int[] labels, IHiddenStateTransmission transmission, SnrLaw law, BlockFading fading,
        TrainingOptions options, Random random, Action<int, double>? onEpoch = null, IReadOnlyDictionary<string, Tensor>? start = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(transmission);
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(fading);
        model.InitialiseAwareGateFromNaive(start);
        return TrainGate(model, aware: true, features, labels, transmission, law, fading, options, random, onEpoch);
    }

    /// <summary>
    /// The control of equal gate training: G alone, on ideal links, for as many steps as stage 2 gives G_AW (F and the
    /// experts frozen), so that a gap between the gates is not just extra gate training. Returns the last epoch's mean loss.
    /// </summary>
    public static double RefineNaiveGate(ChannelAwareMoe model, float[] features, int[] labels, TrainingOptions options, Random random, Action<int, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return TrainGate(model, aware: false, features, labels, null, null, null, options, random, onEpoch);
    }

    private static double TrainGate(
        ChannelAwareMoe model, bool aware, float[] features, int[] labels, IHiddenStateTransmission? transmission, SnrLaw? law, BlockFading? fading,
        TrainingOptions options, Random random, Action<int, double>? onEpoch)
    {
        using var optimizer = GateOptimizer(model, aware, options);
        var meanLoss = 0.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            meanLoss = GateEpoch(model, aware, features, labels, transmission, law, fading, options, random, optimizer);
            onEpoch?.Invoke(epoch, meanLoss);
        }

        return meanLoss;
    }

    /// <summary>The optimiser of a gate-only phase: Adam over G_AW (<paramref name="aware"/>) or G.</summary>
    public static PinnedScalarAdam GateOptimizer(ChannelAwareMoe model, bool aware, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        return new PinnedScalarAdam((aware ? model.AwareGate : model.NaiveGate).parameters(), options.LearningRate);
    }

    /// <summary>
    /// One epoch of a gate-only phase: G_AW on corrupted features (<paramref name="aware"/>, with a transmission, law and
    /// fading) or G on ideal links (all three null); returns its mean loss.
    /// </summary>
    public static double GateEpoch(
        ChannelAwareMoe model, bool aware, float[] features, int[] labels, IHiddenStateTransmission? transmission, SnrLaw? law, BlockFading? fading,
        TrainingOptions options, Random random, PinnedScalarAdam optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(optimizer);
        const int width = LeNetBackbone.FeatureSize;
        var experts = model.Experts;
        var gate = aware ? model.AwareGate : model.NaiveGate;
        var batchZ = new float[options.BatchSize * width];
        var batchY = new int[options.BatchSize];
        var received = new float[options.BatchSize * width];
        var csi = new float[options.BatchSize * experts];
        var snrs = new double[options.BatchSize];
        var order = Shuffled(labels.Length, random);
        double total = 0;
        var steps = 0;
        for (var start = 0; start < order.Length; start += options.BatchSize)
        {
            var n = Math.Min(options.BatchSize, order.Length - start);
            for (var i = 0; i < n; i++)
            {
                features.AsSpan(order[start + i] * width, width).CopyTo(batchZ.AsSpan(i * width, width));
                batchY[i] = labels[order[start + i]];
            }

            using var scope = torch.NewDisposeScope();
            var y = TensorInput.Labels(batchY.AsSpan(0, n));
            var perExpert = new Tensor[experts];
            for (var k = 0; k < experts; k++)
            {
                if (transmission is not null && law is not null && fading is not null)
                {
                    for (var i = 0; i < n; i++)
                    {
                        snrs[i] = fading.Instantaneous(law.Draw(random), random);
                        csi[(i * experts) + k] = CsiEncoding.Encode(transmission.DistortionVariance(snrs[i]));
                    }
                }

                batchZ.AsSpan(0, n * width).CopyTo(received);
                FeatureCorruption.Apply(transmission, received.AsSpan(0, n * width), width, snrs.AsSpan(0, n), random);
                using var noGrad = torch.no_grad();
                perExpert[k] = LabelLogLikelihood(model.ExpertNetworks[k].forward(TensorInput.Floats(received.AsSpan(0, n * width), n, width)), y);
            }

            optimizer.zero_grad();
            var z = TensorInput.Floats(batchZ.AsSpan(0, n * width), n, width);
            var gateLogits = gate.forward(aware ? torch.cat([z, TensorInput.Floats(csi.AsSpan(0, n * experts), n, experts)], 1) : z);
            var loss = Add(MixtureNll(gateLogits, torch.stack(perExpert, 1)), Mul(SwitchBalanceLoss.Of(gateLogits.softmax(1)), options.BalanceWeight));
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            steps++;
        }

        return total / Math.Max(1, steps);
    }

    // log p_k(y) of each row: [N].
    private static Tensor LabelLogLikelihood(Tensor logits, Tensor labels) =>
        logits.log_softmax(1).gather(1, labels.unsqueeze(1)).squeeze(1);

    // −mean log Σ_k g_k·p_k(y), computed as a log-sum-exp for stability.
    private static Tensor MixtureNll(Tensor gateLogits, Tensor logLikelihoods) =>
        -Add(gateLogits.log_softmax(1), logLikelihoods).logsumexp(1).mean();

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        FisherYates.Shuffle(random, order.AsSpan());
        return order;
    }
}
