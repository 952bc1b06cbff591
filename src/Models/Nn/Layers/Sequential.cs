using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>Runs its children in order; they are named "0", "1", … as in PyTorch's nn.Sequential.</summary>
public sealed class Sequential : Module
{
    private readonly Module[] _layers;

    /// <summary>Chains <paramref name="layers"/>.</summary>
    public Sequential(params Module[] layers)
    {
        _layers = layers;
        for (var i = 0; i < layers.Length; i++)
        {
            RegisterModule(i.ToString(System.Globalization.CultureInfo.InvariantCulture), layers[i]);
        }
    }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<Module> Layers => _layers;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }
}
