using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// LeNet-5-like feature extractor [N, C, H, W] → [N, 84]: conv 5×5 to 6 channels, ReLU, max-pool 2; conv 5×5 to
/// 16 channels, ReLU, max-pool 2; then 120 and 84 units with ReLU. 28×28 images are padded by 2 in the first
/// convolution (LeNet-5's own 32×32 input), 32×32 images are not.
/// </summary>
public sealed class LeNetBackbone : nn.Module<Tensor, Tensor>
{
    /// <summary>Features per image.</summary>
    public const int FeatureSize = 84;

    [ComponentName(Name = "conv1")]
    private readonly Conv2d _conv1;

    [ComponentName(Name = "conv2")]
    private readonly Conv2d _conv2;

    [ComponentName(Name = "fc1")]
    private readonly Linear _fc1;

    [ComponentName(Name = "fc2")]
    private readonly Linear _fc2;

    /// <summary>Builds the backbone for images of <paramref name="channels"/>×<paramref name="height"/>×<paramref name="width"/>, initialised from <paramref name="generator"/>.</summary>
    public LeNetBackbone(int channels, int height, int width, Generator generator)
        : base(nameof(LeNetBackbone))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        var padding = Math.Max(0, (32 - Math.Min(height, width)) / 2);
        var h = (((height + (2 * padding) - 4) / 2) - 4) / 2;
        var w = (((width + (2 * padding) - 4) / 2) - 4) / 2;
        if (h < 1 || w < 1)
        {
            throw new ArgumentException($"LeNetBackbone: a {height}×{width} image is too small for two 5×5 convolutions and pools");
        }

        _conv1 = ScopedConvolution.Conv2d(channels, 6, 5, padding: padding);
        _conv2 = ScopedConvolution.Conv2d(6, 16, 5);
        _fc1 = nn.Linear(16 * h * w, 120);
        _fc2 = nn.Linear(120, FeatureSize);
        RegisterComponents();
        SeededInitialisation.Apply(this, generator);
    }

    /// <summary>Features z = F(x) [N, 84], non-negative.</summary>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = torch.NewDisposeScope();
        var x = nn.functional.max_pool2d(nn.functional.relu(_conv1.forward(input)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(_conv2.forward(x)), 2);
        x = nn.functional.relu(_fc1.forward(x.flatten(1)));
        return nn.functional.relu(_fc2.forward(x)).MoveToOuterDisposeScope();
    }
}
