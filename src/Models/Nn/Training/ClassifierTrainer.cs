using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Optim;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Supervised training of an image classifier with cross-entropy: one <see cref="Step"/> is forward,
/// loss, backward and optimiser update on a mini-batch; <see cref="Accuracy"/> evaluates without
/// recording a graph. Batches are copied out of the caller's pixel array into a reused input tensor,
/// and activations and gradients live in a <see cref="TensorArena"/> reused from step to step.
/// </summary>
/// <param name="model">The classifier: images [N, C, H, W] → logits [N, classes].</param>
/// <param name="optimizer">Updates the model's parameters.</param>
/// <param name="labelSmoothing">ε of the cross-entropy, in [0, 1].</param>
/// <param name="gradientClipNorm">Global gradient-norm limit applied before each update; 0 disables clipping.</param>
public sealed class ClassifierTrainer(Module model, Optimizer optimizer, float labelSmoothing = 0f, double gradientClipNorm = 0)
{
    private readonly IReadOnlyList<Tensor> _parameters = model.Parameters();
    private readonly TensorArena _arena = new();
    private Tensor? _batch;

    /// <summary>The model being trained.</summary>
    public Module Model { get; } = model;

    /// <summary>The optimiser that applies the updates.</summary>
    public Optimizer Optimizer { get; } = optimizer;

    /// <summary>
    /// One training step on images [count, C, H, W] (row-major pixels) with their labels; returns the
    /// mean cross-entropy of the batch before the update.
    /// </summary>
    public float Step(ReadOnlySpan<float> pixels, ReadOnlySpan<int> labels, int channels, int height, int width)
    {
        Model.Train();
        var input = Input(pixels, labels.Length, channels, height, width);
        Optimizer.ZeroGrad();
        using var step = _arena.Use();
        var loss = Functional.CrossEntropy(Model.Forward(input), labels, labelSmoothing);
        loss.Backward();
        if (gradientClipNorm > 0)
        {
            GradientClipping.ClipGradNorm(_parameters, gradientClipNorm);
        }

        Optimizer.Step();
        return loss.Item();
    }

    /// <summary>Fraction of correctly classified images, evaluated in batches of <paramref name="batchSize"/> in eval mode.</summary>
    public double Accuracy(ReadOnlySpan<float> pixels, ReadOnlySpan<int> labels, int channels, int height, int width, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Model.Eval();
        using var _ = NoGrad.Enter();
        var imageSize = channels * height * width;
        var correct = 0;
        for (var start = 0; start < labels.Length; start += batchSize)
        {
            var count = Math.Min(batchSize, labels.Length - start);
            using var batch = _arena.Use();
            var logits = Model.Forward(Input(pixels.Slice(start * imageSize, count * imageSize), count, channels, height, width));
            var classes = logits.Shape[1];
            for (var i = 0; i < count; i++)
            {
                var row = logits.Span.Slice(i * classes, classes);
                if (System.Numerics.Tensors.TensorPrimitives.IndexOfMax(row) == labels[start + i])
                {
                    correct++;
                }
            }
        }

        Model.Train();
        return labels.Length == 0 ? 0 : (double)correct / labels.Length;
    }

    private Tensor Input(ReadOnlySpan<float> pixels, int count, int channels, int height, int width)
    {
        var size = count * channels * height * width;
        if (pixels.Length != size)
        {
            throw new ArgumentException($"{pixels.Length} pixels given for {count} images of {channels}×{height}×{width}");
        }

        if (_batch is null || _batch.Length != size)
        {
            _batch = Tensor.Zeros(count, channels, height, width);
        }

        pixels.CopyTo(_batch.Span);
        return _batch;
    }
}
