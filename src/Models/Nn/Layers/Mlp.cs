using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// A multilayer perceptron: Linear layers of the given widths with an activation between them (none after the last),
/// optional dropout after each hidden activation. Parameters are named "layers.0.weight", … as in PyTorch's nn.Sequential.
/// </summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "layers")]
    private readonly Sequential _layers;

    /// <summary>Creates an MLP through <paramref name="widths"/> (input, hidden…, output; at least two entries), initialised from <paramref name="generator"/>.</summary>
    public Mlp(IReadOnlyList<int> widths, Generator generator, Activation activation = Activation.Relu, double dropout = 0)
        : base(nameof(Mlp))
    {
        ArgumentNullException.ThrowIfNull(widths);
        if (widths.Count < 2)
        {
            throw new ArgumentException("an MLP needs at least an input and an output width", nameof(widths));
        }

        var layers = new List<nn.Module<Tensor, Tensor>>();
        for (var i = 0; i + 1 < widths.Count; i++)
        {
            layers.Add(nn.Linear(widths[i], widths[i + 1]));
            if (i + 2 < widths.Count)
            {
                layers.Add(Nonlinearity(activation));
                if (dropout > 0)
                {
                    layers.Add(new SeededDropout(dropout, generator));
                }
            }
        }

        _layers = nn.Sequential(layers);
        RegisterComponents();
        SeededInitialisation.Apply(this, generator);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => _layers.forward(input);

    /// <summary>TorchSharp's module for <paramref name="activation"/>.</summary>
    public static nn.Module<Tensor, Tensor> Nonlinearity(Activation activation) => activation switch
    {
        Activation.Relu => nn.ReLU(),
        Activation.Gelu => nn.GELU(),
        Activation.Tanh => nn.Tanh(),
        Activation.Sigmoid => nn.Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };
}
