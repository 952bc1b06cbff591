using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// Convolutional feature extractor [N, C, H, W] → [N, FeatureSize] (conv blocks then linear + ReLU):
/// the shared body that federated clients average (FedAvg) and experts or gates read.
/// Parameters are named conv1…, projection as before the move to TorchSharp.
/// </summary>
public sealed class CnnFeatureExtractor : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d[] _blocks;

    [ComponentName(Name = "projection")]
    private readonly Linear _projection;

    /// <summary>Builds the extractor described by <paramref name="options"/>, initialised from <paramref name="generator"/>.</summary>
    public CnnFeatureExtractor(CnnOptions options, Generator generator)
        : base(nameof(CnnFeatureExtractor))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var channels = options.InputChannels;
        _blocks = new Conv2d[options.Channels.Count];
        for (var i = 0; i < _blocks.Length; i++)
        {
            _blocks[i] = ScopedConvolution.Conv2d(channels, options.Channels[i], options.KernelSize, padding: options.KernelSize / 2);
            register_module($"conv{i + 1}", _blocks[i]);
            channels = options.Channels[i];
        }

        var (h, w) = options.PooledSize;
        _projection = nn.Linear(channels * h * w, options.FeatureSize);
        RegisterComponents();
        SeededInitialisation.Apply(this, generator);
    }

    /// <summary>The shape this extractor was built with.</summary>
    public CnnOptions Options { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = input;
        foreach (var block in _blocks)
        {
            x = nn.functional.max_pool2d(nn.functional.relu(block.forward(x)), 2);
        }

        return nn.functional.relu(_projection.forward(x.flatten(1))).MoveToOuterDisposeScope();
    }
}
