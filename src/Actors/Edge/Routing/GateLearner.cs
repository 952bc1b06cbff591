using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Optim;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Actors.Edge.Routing;

/// <summary>
/// The router's gating network (feed-forward on the token image → softmax over the J experts) and its Adam optimiser.
/// Scores are computed without a graph when tokens arrive; <see cref="Train"/> recomputes them for the tokens processed
/// in a slot and back-propagates dL/dg, so no graph outlives a message.
/// </summary>
public sealed class GateLearner
{
    private const int ScoringBatch = 512;
    private readonly GatingNetwork _gate;
    private readonly Adam _optimizer;
    private readonly int _imageSize;
    private readonly TensorArena _arena = new();

    /// <param name="imageSize">Values per token image.</param>
    /// <param name="experts">J.</param>
    /// <param name="hidden">Hidden units; 0 for a linear gate.</param>
    /// <param name="learningRate">Adam learning rate.</param>
    /// <param name="random">Draws the initial weights.</param>
    public GateLearner(int imageSize, int experts, int hidden, float learningRate, Random random)
    {
        _imageSize = imageSize;
        _gate = new GatingNetwork(imageSize, experts, random, hidden);
        _optimizer = new Adam(_gate.Parameters(), new Adam.Options(LearningRate: learningRate));
    }

    /// <summary>J.</summary>
    public int Experts => _gate.Experts;

    /// <summary>Gate values g (images × J, rows summing to 1) of the current weights, without a graph.</summary>
    public float[] Scores(ReadOnlySpan<float> pixels)
    {
        var count = pixels.Length / _imageSize;
        var scores = new float[count * Experts];
        using var noGrad = NoGrad.Enter();
        for (var start = 0; start < count; start += ScoringBatch)
        {
            var n = Math.Min(ScoringBatch, count - start);
            using var scope = _arena.Use();
            var g = _gate.Probabilities(Input(pixels.Slice(start * _imageSize, n * _imageSize), n));
            g.Span.CopyTo(scores.AsSpan(start * Experts, n * Experts));
        }

        return scores;
    }

    /// <summary>Recomputes g on <paramref name="pixels"/>, back-propagates <paramref name="scoreGradients"/> (dL/dg, images × J) and steps.</summary>
    public void Train(ReadOnlySpan<float> pixels, ReadOnlySpan<float> scoreGradients)
    {
        var count = pixels.Length / _imageSize;
        if (count == 0)
        {
            return;
        }

        _optimizer.ZeroGrad();
        using var scope = _arena.Use();
        _gate.Probabilities(Input(pixels, count)).Backward(scoreGradients);
        _optimizer.Step();
    }

    private Tensor Input(ReadOnlySpan<float> pixels, int count)
    {
        var input = Tensor.Zeros(count, _imageSize);
        pixels.CopyTo(input.Span);
        return input;
    }
}
