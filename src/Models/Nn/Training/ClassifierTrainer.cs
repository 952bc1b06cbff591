using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Supervised training of an image classifier with cross-entropy: one <see cref="Step"/> is forward, loss, backward and
/// optimiser update on a mini-batch; <see cref="Accuracy"/> evaluates without recording a graph. Each batch runs in its
/// own dispose scope, so no tensor outlives the call.
/// </summary>
/// <param name="model">The classifier: images [N, C, H, W] → logits [N, classes].</param>
/// <param name="optimizer">Updates the model's parameters (<see cref="PinnedScalarAdam"/>, or TorchSharp's AdamW or SGD).</param>
/// <param name="labelSmoothing">ε of the cross-entropy, in [0, 1].</param>
/// <param name="gradientClipNorm">Global gradient-norm limit applied before each update; 0 disables clipping.</param>
public sealed class ClassifierTrainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, float labelSmoothing = 0f, double gradientClipNorm = 0)
{
    /// <summary>The model being trained.</summary>
    public nn.Module<Tensor, Tensor> Model { get; } = model;

    /// <summary>The optimiser that applies the updates.</summary>
    public optim.Optimizer Optimizer { get; } = optimizer;

    /// <summary>
    /// One training step on images [count, C, H, W] (row-major pixels) with their labels; returns the mean cross-entropy
    /// of the batch before the update.
    /// </summary>
    public float Step(ReadOnlySpan<float> pixels, ReadOnlySpan<int> labels, int channels, int height, int width)
    {
        using var scope = torch.NewDisposeScope();
        Model.train();
        var input = TensorInput.Floats(pixels, labels.Length, channels, height, width);
        Optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(Model.forward(input), TensorInput.Labels(labels), label_smoothing: labelSmoothing);
        loss.backward();
        if (gradientClipNorm > 0)
        {
            nn.utils.clip_grad_norm_(Model.parameters(), gradientClipNorm);
        }

        Optimizer.step();
        return loss.item<float>();
    }

    /// <summary>Fraction of correctly classified images, evaluated in batches of <paramref name="batchSize"/> in eval mode.</summary>
    public double Accuracy(ReadOnlySpan<float> pixels, ReadOnlySpan<int> labels, int channels, int height, int width, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Model.eval();
        using var noGrad = torch.no_grad();
        var imageSize = channels * height * width;
        long correct = 0;
        for (var start = 0; start < labels.Length; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(batchSize, labels.Length - start);
            var logits = Model.forward(TensorInput.Floats(pixels.Slice(start * imageSize, count * imageSize), count, channels, height, width));
            correct += logits.argmax(1).eq(TensorInput.Labels(labels.Slice(start, count))).sum().item<long>();
        }

        Model.train();
        return labels.Length == 0 ? 0 : (double)correct / labels.Length;
    }
}
