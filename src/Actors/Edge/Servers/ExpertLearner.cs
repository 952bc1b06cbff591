using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Optim;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Actors.Edge.Servers;

/// <summary>
/// A server's expert network and its Adam optimiser. Forward passes record no graph: tokens finish slots later, so
/// instead of keeping graphs alive the learner rematerialises: <see cref="Train"/> recomputes the forward pass of the
/// tokens whose gradient arrived and back-propagates the injected dL/dy in one batch, then takes one step.
/// </summary>
public sealed class ExpertLearner
{
    private const int EvaluationBatch = 256;
    private readonly CnnExpert _expert;
    private readonly Adam _optimizer;
    private readonly CnnOptions _shape;
    private readonly TensorArena _arena = new();

    /// <param name="shape">The CNN's shape (input channels, height, width, blocks, features).</param>
    /// <param name="classes">Outputs per token.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="random">Draws the initial weights.</param>
    public ExpertLearner(CnnOptions shape, int classes, float learningRate, Random random)
    {
        _shape = shape;
        _expert = new CnnExpert(shape, classes, random);
        _optimizer = new Adam(_expert.Parameters(), new Adam.Options(LearningRate: learningRate));
        Classes = classes;
    }

    /// <summary>Outputs per token.</summary>
    public int Classes { get; }

    /// <summary>Values per token image.</summary>
    public int ImageSize => _shape.InputChannels * _shape.Height * _shape.Width;

    /// <summary>The expert's parameters as one vector (for tests and checkpoints).</summary>
    public float[] FlatParameters() => _expert.GetFlatParameters();

    /// <summary>Outputs (images × classes) of the current weights on <paramref name="pixels"/>, without recording a graph.</summary>
    public float[] Forward(ReadOnlySpan<float> pixels)
    {
        var count = pixels.Length / ImageSize;
        var outputs = new float[count * Classes];
        using var noGrad = NoGrad.Enter();
        for (var start = 0; start < count; start += EvaluationBatch)
        {
            var n = Math.Min(EvaluationBatch, count - start);
            using var scope = _arena.Use();
            var y = _expert.Forward(Input(pixels.Slice(start * ImageSize, n * ImageSize), n));
            y.Span.CopyTo(outputs.AsSpan(start * Classes, n * Classes));
        }

        return outputs;
    }

    /// <summary>Recomputes the forward pass on <paramref name="pixels"/>, back-propagates <paramref name="outputGradients"/> and steps.</summary>
    public void Train(ReadOnlySpan<float> pixels, ReadOnlySpan<float> outputGradients)
    {
        var count = pixels.Length / ImageSize;
        if (count == 0)
        {
            return;
        }

        _optimizer.ZeroGrad();
        using var scope = _arena.Use();
        var y = _expert.Forward(Input(pixels, count));
        y.Backward(outputGradients);
        _optimizer.Step();
    }

    private Tensor Input(ReadOnlySpan<float> pixels, int count)
    {
        var input = Tensor.Zeros(count, _shape.InputChannels, _shape.Height, _shape.Width);
        pixels.CopyTo(input.Span);
        return input;
    }
}
