using EdgeMoE.Models.Data;
using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>A client's local training on its images: cross-entropy for classifiers (FedCE, FedAvg, local) and FedSC's contrastive loss for extractors.</summary>
public static class ImageTraining
{
    /// <summary>
    /// Trains <paramref name="model"/> with cross-entropy by <paramref name="optimizer"/> (the client's own, kept across
    /// rounds); returns the mean batch loss of the last epoch.
    /// </summary>
    public static double CrossEntropy(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, LabeledImages data, LocalTrainingOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var trainer = new ClassifierTrainer(model, optimizer);
        var pixels = new float[options.BatchSize * data.ImageSize];
        var labels = new int[options.BatchSize];
        var last = 0.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = EpochOrder.Shuffled(data.Count, random);
            var (sum, batches) = (0.0, 0);
            foreach (var (start, length) in EpochOrder.Batches(data.Count, options.BatchSize))
            {
                data.Gather(order.AsSpan(start, length), pixels, labels);
                sum += trainer.Step(pixels.AsSpan(0, length * data.ImageSize), labels.AsSpan(0, length), data.Channels, data.Height, data.Width);
                batches++;
            }

            last = batches == 0 ? 0 : sum / batches;
        }

        return last;
    }

    /// <summary>
    /// Trains <paramref name="model"/> on FedSC's local objective (eq. 4) with two augmented views per image; returns the
    /// mean batch loss of the last epoch.
    /// </summary>
    /// <param name="model">F_i and its projection, starting from the global weights.</param>
    /// <param name="optimizer">The client's optimiser of <paramref name="model"/>, kept across rounds.</param>
    /// <param name="data">The client's images (labels unused).</param>
    /// <param name="options">Epochs, batch size, learning rate.</param>
    /// <param name="share">q_i, the client's share of all training samples.</param>
    /// <param name="others">R̄_{−i} row-major d×d, or null.</param>
    /// <param name="random">The client's generator (shuffles and augmentations).</param>
    public static double Contrastive(
        ContrastiveModel model, optim.Optimizer optimizer, LabeledImages data, LocalTrainingOptions options, double share, float[]? others, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var d = model.Width;
        using var othersTensor = others is null ? null : TensorInput.Floats(others, d, d);
        var pixels = new float[options.BatchSize * data.ImageSize];
        var labels = new int[options.BatchSize];
        var view1 = new float[pixels.Length];
        var view2 = new float[pixels.Length];
        model.train();
        var last = 0.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = EpochOrder.Shuffled(data.Count, random);
            var (sum, batches) = (0.0, 0);
            foreach (var (start, length) in EpochOrder.Batches(data.Count, options.BatchSize))
            {
                var size = length * data.ImageSize;
                data.Gather(order.AsSpan(start, length), pixels, labels);
                ViewAugmentation.Apply(pixels.AsSpan(0, size), view1.AsSpan(0, size), data.Channels, data.Height, data.Width, random);
                ViewAugmentation.Apply(pixels.AsSpan(0, size), view2.AsSpan(0, size), data.Channels, data.Height, data.Width, random);
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var z1 = model.forward(TensorInput.Floats(view1.AsSpan(0, size), length, data.Channels, data.Height, data.Width));
                var z2 = model.forward(TensorInput.Floats(view2.AsSpan(0, size), length, data.Channels, data.Height, data.Width));
                var loss = SpectralContrastiveLoss.Loss(z1, z2, share, othersTensor);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                batches++;
            }

            last = batches == 0 ? 0 : sum / batches;
        }

        return last;
    }

    /// <summary>
    /// R_i = E[z zᵀ] of the projected features of one augmented view of every local image (row-major d×d), computed
    /// with the round's global weights before local training, plus Gaussian noise of standard deviation
    /// <paramref name="noiseStd"/> on each entry (kept symmetric) for differential privacy.
    /// </summary>
    public static float[] Correlation(ContrastiveModel model, LabeledImages data, int batchSize, double noiseStd, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var d = model.Width;
        var sum = new double[d * d];
        var view = new float[batchSize * data.ImageSize];
        model.eval();
        using (torch.no_grad())
        {
            foreach (var (start, length) in EpochOrder.Batches(data.Count, batchSize))
            {
                var size = length * data.ImageSize;
                ViewAugmentation.Apply(data.Pixels.AsSpan(start * data.ImageSize, size), view.AsSpan(0, size), data.Channels, data.Height, data.Width, random);
                using var scope = torch.NewDisposeScope();
                var z = model.forward(TensorInput.Floats(view.AsSpan(0, size), length, data.Channels, data.Height, data.Width));
                var r = TensorInput.ToArray(z.t().matmul(z));
                for (var k = 0; k < r.Length; k++)
                {
                    sum[k] += r[k];
                }
            }
        }

        model.train();
        var result = new float[d * d];
        for (var a = 0; a < d; a++)
        {
            for (var b = a; b < d; b++)
            {
                var noise = noiseStd > 0 ? noiseStd * Gaussian(random) : 0;
                var value = (float)((sum[(a * d) + b] / data.Count) + noise);
                result[(a * d) + b] = value;
                result[(b * d) + a] = value;
            }
        }

        return result;
    }

    /// <summary>F(x) of every image, row-major [n, d], in eval mode without a graph.</summary>
    public static float[] Features(CnnFeatureExtractor extractor, LabeledImages data, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(data);
        var d = extractor.Options.FeatureSize;
        var features = new float[data.Count * d];
        extractor.eval();
        using (torch.no_grad())
        {
            foreach (var (start, length) in EpochOrder.Batches(data.Count, batchSize))
            {
                using var scope = torch.NewDisposeScope();
                var input = TensorInput.Floats(data.Pixels.AsSpan(start * data.ImageSize, length * data.ImageSize), length, data.Channels, data.Height, data.Width);
                TensorInput.ToArray(extractor.forward(input)).CopyTo(features, start * d);
            }
        }

        extractor.train();
        return features;
    }

    /// <summary>Softmax outputs of a classifier on every image, row-major [n, classes], in eval mode without a graph.</summary>
    public static float[] Probabilities(nn.Module<Tensor, Tensor> model, LabeledImages data, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var result = new List<float>(data.Count * data.Classes);
        model.eval();
        using (torch.no_grad())
        {
            foreach (var (start, length) in EpochOrder.Batches(data.Count, batchSize))
            {
                using var scope = torch.NewDisposeScope();
                var input = TensorInput.Floats(data.Pixels.AsSpan(start * data.ImageSize, length * data.ImageSize), length, data.Channels, data.Height, data.Width);
                result.AddRange(TensorInput.ToArray(model.forward(input).softmax(1)));
            }
        }

        model.train();
        return [.. result];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
