using EdgeMoE.Models.Moe;
using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Actors.Edge.Learning;

/// <summary>
/// A network an edge actor owns (an expert's CNN, the router's gate) with its Adam optimiser, on TorchSharp. Forward passes
/// record no graph: tokens finish slots later, so instead of keeping graphs alive the owner rematerialises — <see cref="Train"/>
/// recomputes the forward pass of the tokens whose gradient arrived and back-propagates the injected gradient in one
/// batch, then takes one step, over all parameters at once (<see cref="ContiguousParameters"/>). Every call runs in its own dispose scope (synchronously, on the actor's thread).
/// </summary>
public sealed class RematerialisedNetwork
{
    private const int ForwardBatch = 256;
    private readonly nn.Module _module;
    private readonly Func<Tensor, Tensor> _forward;
    private readonly long[] _itemShape;
    private readonly ContiguousParameters _parameters;
    private readonly PinnedScalarAdam _optimizer;

    private RematerialisedNetwork(nn.Module module, Func<Tensor, Tensor> forward, long[] itemShape, int outputs, float learningRate)
    {
        _module = module;
        _forward = forward;
        _itemShape = itemShape;
        _parameters = new ContiguousParameters(module);
        _optimizer = new PinnedScalarAdam([_parameters.All], lr: learningRate);
        ItemSize = (int)itemShape.Aggregate(1L, (a, b) => a * b);
        Outputs = outputs;
    }

    /// <summary>Values per input item (token image).</summary>
    public int ItemSize { get; }

    /// <summary>Values per output row.</summary>
    public int Outputs { get; }

    /// <summary>
    /// An expert of the given architecture (a CNN on [C, H, W] images, or an MLP on flat items) with <paramref name="classes"/>
    /// logits, initialised from a torch generator seeded with a 64-bit draw of <paramref name="random"/> (derived from the run
    /// seed and the owner's stable name).
    /// </summary>
    public static RematerialisedNetwork Expert(IExpertShape shape, int classes, float learningRate, Random random)
    {
        ArgumentNullException.ThrowIfNull(shape);
        using var generator = NetworkSeed.Generator(random);
        var expert = shape.Build(classes, generator);
        return new RematerialisedNetwork(expert, expert.forward, [.. shape.ItemShape], classes, learningRate);
    }

    /// <summary>A feed-forward gate on flattened images whose outputs are the softmax gate values over <paramref name="experts"/>.</summary>
    public static RematerialisedNetwork Gate(int imageSize, int experts, int hidden, float learningRate, Random random)
    {
        using var generator = NetworkSeed.Generator(random);
        var gate = new GatingNetwork(imageSize, experts, generator, hidden);
        return new RematerialisedNetwork(gate, gate.Probabilities, [imageSize], experts, learningRate);
    }

    /// <summary>The parameters as one vector, in registration order (for tests and checkpoints).</summary>
    public float[] FlatParameters()
    {
        using var scope = torch.NewDisposeScope();
        return [.. _module.parameters().SelectMany(p => TensorInput.ToArray(p.reshape(-1)))];
    }

    /// <summary>Its weights (one vector, registration order) and Adam's moments: what a checkpoint keeps.</summary>
    public (float[] Weights, AdamMoments Moments) ExportState()
    {
        using var noGrad = torch.no_grad();
        using var weights = _parameters.All.detach();
        return (TensorInput.ToArray(weights), _optimizer.ExportMoments().Single());
    }

    /// <summary>Puts back what <see cref="ExportState"/> returned for a network of the same architecture.</summary>
    /// <exception cref="ArgumentException">Another number of weights.</exception>
    public void ImportState(float[] weights, AdamMoments moments)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != _parameters.All.numel())
        {
            throw new ArgumentException($"{weights.Length} weights, expected {_parameters.All.numel()}", nameof(weights));
        }

        using (var noGrad = torch.no_grad())
        using (var values = torch.tensor(weights))
        {
            _parameters.All.copy_(values);
        }

        _optimizer.ImportMoments([moments]);
    }

    /// <summary>Outputs (items × <see cref="Outputs"/>) of the current weights on <paramref name="items"/>, without a graph.</summary>
    public float[] Forward(ReadOnlySpan<float> items)
    {
        TorchThreads.ApplyToCallingThread();
        var count = items.Length / ItemSize;
        var outputs = new float[count * Outputs];
        using var noGrad = torch.no_grad();
        for (var start = 0; start < count; start += ForwardBatch)
        {
            var n = Math.Min(ForwardBatch, count - start);
            using var scope = torch.NewDisposeScope();
            var result = _forward(Input(items.Slice(start * ItemSize, n * ItemSize), n)).contiguous();
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(result.bytes).CopyTo(outputs.AsSpan(start * Outputs, n * Outputs));
        }

        return outputs;
    }

    /// <summary>Recomputes the forward pass on <paramref name="items"/>, back-propagates <paramref name="outputGradients"/> (items × <see cref="Outputs"/>) and takes one Adam step.</summary>
    public void Train(ReadOnlySpan<float> items, ReadOnlySpan<float> outputGradients)
    {
        var count = items.Length / ItemSize;
        if (count == 0)
        {
            return;
        }

        TorchThreads.ApplyToCallingThread();
        using var scope = torch.NewDisposeScope();
        _parameters.ZeroGrad();
        var outputs = _forward(Input(items, count));
        outputs.backward([TensorInput.Floats(outputGradients, count, Outputs)]);
        _optimizer.step();
    }

    private Tensor Input(ReadOnlySpan<float> items, int count) => TensorInput.Floats(items, [count, .. _itemShape]);
}
