using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Optim;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Actors.Edge.Learning;

/// <summary>
/// A network an edge actor owns (an expert's CNN, the router's gate) with its Adam optimiser. Forward passes record no
/// graph: tokens finish slots later, so instead of keeping graphs alive the owner rematerialises — <see cref="Train"/>
/// recomputes the forward pass of the tokens whose gradient arrived and back-propagates the injected gradient in one
/// batch, then takes one step.
/// </summary>
public sealed class RematerialisedNetwork
{
    private const int ForwardBatch = 256;
    private readonly Module _module;
    private readonly Func<Tensor, Tensor> _forward;
    private readonly int[] _itemShape;
    private readonly Adam _optimizer;
    private readonly TensorArena _arena = new();

    private RematerialisedNetwork(Module module, Func<Tensor, Tensor> forward, int[] itemShape, int outputs, float learningRate)
    {
        _module = module;
        _forward = forward;
        _itemShape = itemShape;
        _optimizer = new Adam(module.Parameters(), new Adam.Options(LearningRate: learningRate));
        ItemSize = itemShape.Aggregate(1, (a, b) => a * b);
        Outputs = outputs;
    }

    /// <summary>Values per input item (token image).</summary>
    public int ItemSize { get; }

    /// <summary>Values per output row.</summary>
    public int Outputs { get; }

    /// <summary>A CNN expert on [C, H, W] images with <paramref name="classes"/> logits.</summary>
    public static RematerialisedNetwork Expert(CnnOptions shape, int classes, float learningRate, Random random)
    {
        var expert = new CnnExpert(shape, classes, random);
        return new RematerialisedNetwork(expert, expert.Forward, [shape.InputChannels, shape.Height, shape.Width], classes, learningRate);
    }

    /// <summary>A feed-forward gate on flattened images whose outputs are the softmax gate values over <paramref name="experts"/>.</summary>
    public static RematerialisedNetwork Gate(int imageSize, int experts, int hidden, float learningRate, Random random)
    {
        var gate = new GatingNetwork(imageSize, experts, random, hidden);
        return new RematerialisedNetwork(gate, gate.Probabilities, [imageSize], experts, learningRate);
    }

    /// <summary>The parameters as one vector (for tests and checkpoints).</summary>
    public float[] FlatParameters() => _module.GetFlatParameters();

    /// <summary>Outputs (items × <see cref="Outputs"/>) of the current weights on <paramref name="items"/>, without a graph.</summary>
    public float[] Forward(ReadOnlySpan<float> items)
    {
        var count = items.Length / ItemSize;
        var outputs = new float[count * Outputs];
        using var noGrad = NoGrad.Enter();
        for (var start = 0; start < count; start += ForwardBatch)
        {
            var n = Math.Min(ForwardBatch, count - start);
            using var scope = _arena.Use();
            _forward(Input(items.Slice(start * ItemSize, n * ItemSize), n)).Span.CopyTo(outputs.AsSpan(start * Outputs, n * Outputs));
        }

        return outputs;
    }

    /// <summary>Recomputes the forward pass on <paramref name="items"/>, back-propagates <paramref name="outputGradients"/> and steps.</summary>
    public void Train(ReadOnlySpan<float> items, ReadOnlySpan<float> outputGradients)
    {
        var count = items.Length / ItemSize;
        if (count == 0)
        {
            return;
        }

        _optimizer.ZeroGrad();
        using var scope = _arena.Use();
        _forward(Input(items, count)).Backward(outputGradients);
        _optimizer.Step();
    }

    private Tensor Input(ReadOnlySpan<float> items, int count)
    {
        var input = Tensor.Zeros([count, .. _itemShape]);
        items.CopyTo(input.Span);
        return input;
    }
}
