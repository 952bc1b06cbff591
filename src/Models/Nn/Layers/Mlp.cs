using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// A multilayer perceptron: Linear layers of the given widths with an activation between them (none
/// after the last), optional dropout after each hidden activation. Layers are named "layers.0", ….
/// </summary>
public sealed class Mlp : Module
{
    private readonly Sequential _layers;

    /// <summary>
    /// Creates an MLP through <paramref name="widths"/> (input, hidden…, output; at least two entries).
    /// </summary>
    public Mlp(IReadOnlyList<int> widths, Random random, Activation activation = Activation.Relu, float dropout = 0f, int dropoutSeed = 0)
    {
        if (widths.Count < 2)
        {
            throw new ArgumentException("an MLP needs at least an input and an output width", nameof(widths));
        }

        var layers = new List<Module>();
        for (var i = 0; i + 1 < widths.Count; i++)
        {
            layers.Add(new Linear(widths[i], widths[i + 1], random));
            if (i + 2 < widths.Count)
            {
                layers.Add(ActivationLayer.Create(activation));
                if (dropout > 0f)
                {
                    layers.Add(new Dropout(dropout, dropoutSeed + i));
                }
            }
        }

        _layers = RegisterModule("layers", new Sequential([.. layers]));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => _layers.Forward(input);
}
