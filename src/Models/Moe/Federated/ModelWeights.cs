using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// The parameter values of a network, copied out of torch as plain float arrays in the module's parameter order: what a
/// client uploads and the server averages, immutable once made.
/// </summary>
/// <param name="Names">Parameter names, in the module's order.</param>
/// <param name="Values">The values of each parameter, row-major.</param>
public sealed record ModelWeights(IReadOnlyList<string> Names, IReadOnlyList<float[]> Values)
{
    /// <summary>Floats in all parameters.</summary>
    public long Count => Values.Sum(v => (long)v.Length);

    /// <summary>Size of an upload of these weights as float32 (bits).</summary>
    public long Bits => 32 * Count;

    /// <summary>A copy of the parameters of <paramref name="module"/>.</summary>
    public static ModelWeights Of(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var names = new List<string>();
        var values = new List<float[]>();
        foreach (var (name, parameter) in module.named_parameters())
        {
            names.Add(name);
            values.Add(TensorInput.ToArray(parameter));
        }

        return new ModelWeights(names, values);
    }

    /// <summary>Overwrites the parameters of <paramref name="module"/>, which must have the same names and sizes.</summary>
    public void LoadInto(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var noGrad = torch.no_grad();
        var parameters = module.named_parameters().ToList();
        if (parameters.Count != Names.Count)
        {
            throw new ArgumentException($"{Names.Count} parameters given for a module with {parameters.Count}");
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var (name, parameter) = parameters[i];
            if (name != Names[i] || parameter.numel() != Values[i].Length)
            {
                throw new ArgumentException($"parameter {i}: {Names[i]} ({Values[i].Length} values) given for {name} ({parameter.numel()})");
            }

            using var source = TensorInput.Floats(Values[i], parameter.shape);
            parameter.copy_(source);
        }
    }
}
