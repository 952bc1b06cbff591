using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// The reference image classifier for 1×28×28 inputs (Fashion-MNIST): conv3×3 1→32 pad 1, ReLU, max-pool 2,
/// conv3×3 32→64 pad 1, ReLU, max-pool 2, linear 3136→128, ReLU, linear 128→classes.
/// Parameter names match the equivalent PyTorch module (conv1, conv2, fc1, fc2).
/// </summary>
public sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv1")]
    private readonly Conv2d _conv1;

    [ComponentName(Name = "conv2")]
    private readonly Conv2d _conv2;

    [ComponentName(Name = "fc1")]
    private readonly Linear _fc1;

    [ComponentName(Name = "fc2")]
    private readonly Linear _fc2;

    /// <summary>Creates the network with PyTorch's default initialisation drawn from <paramref name="generator"/>.</summary>
    public SmallCnn(Generator generator, int inChannels = 1, int classes = 10)
        : base(nameof(SmallCnn))
    {
        _conv1 = ScopedConvolution.Conv2d(inChannels, 32, 3, padding: 1);
        _conv2 = ScopedConvolution.Conv2d(32, 64, 3, padding: 1);
        _fc1 = nn.Linear(64 * 7 * 7, 128);
        _fc2 = nn.Linear(128, classes);
        RegisterComponents();
        SeededInitialisation.Apply(this, generator);
    }

    /// <summary>Logits [N, classes] for images [N, C, 28, 28].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = nn.functional.max_pool2d(nn.functional.relu(_conv1.forward(input)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(_conv2.forward(x)), 2);
        x = nn.functional.relu(_fc1.forward(x.flatten(1)));
        return _fc2.forward(x).MoveToOuterDisposeScope();
    }
}
