using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// Convolutional feature extractor [N, C, H, W] → [N, FeatureSize] (conv blocks then linear + ReLU):
/// the shared body that federated clients average (FedAvg) and experts or gates read.
/// </summary>
public sealed class CnnFeatureExtractor : Module
{
    private readonly Conv2d[] _blocks;
    private readonly Linear _projection;

    /// <summary>Builds the extractor described by <paramref name="options"/>.</summary>
    public CnnFeatureExtractor(CnnOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var channels = options.InputChannels;
        _blocks = new Conv2d[options.Channels.Count];
        for (var i = 0; i < _blocks.Length; i++)
        {
            _blocks[i] = RegisterModule($"conv{i + 1}", new Conv2d(channels, options.Channels[i], options.KernelSize, random, padding: options.KernelSize / 2));
            channels = options.Channels[i];
        }

        var (h, w) = options.PooledSize;
        _projection = RegisterModule("projection", new Linear(channels * h * w, options.FeatureSize, random));
    }

    /// <summary>The shape this extractor was built with.</summary>
    public CnnOptions Options { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var block in _blocks)
        {
            x = Functional.ReluMaxPool2d(block.Forward(x), 2);
        }

        return Functional.Relu(_projection.Forward(Functional.Flatten(x)));
    }
}
