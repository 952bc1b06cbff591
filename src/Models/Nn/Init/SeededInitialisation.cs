using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Re-draws every parameter of a network from a given generator with PyTorch's default distributions, since TorchSharp's
/// layer constructors draw from the process-wide generator: Linear and Conv weights and biases U(−1/√fan_in, 1/√fan_in)
/// (kaiming_uniform with a = √5), LayerNorm ones and zeros, MultiheadAttention's input projection Xavier-uniform with zero biases.
/// </summary>
public static class SeededInitialisation
{
    /// <summary>Initialises <paramref name="network"/> in place from <paramref name="generator"/>, modules in registration order.</summary>
    /// <exception cref="ArgumentException">A module with its own parameters is of a kind this method does not know.</exception>
    public static void Apply(nn.Module network, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(generator);
        using var noGrad = torch.no_grad();

        // Tensor.uniform_ honours the generator; nn.init.uniform_ in TorchSharp 0.107 ignores it.
        foreach (var (name, module) in network.named_modules().Prepend(("(root)", network)))
        {
            switch (module)
            {
                case Linear or Conv1d or Conv2d:
                    Default(module, generator);
                    break;
                case LayerNorm norm:
                    foreach (var (parameterName, parameter) in norm.named_parameters(recurse: false))
                    {
                        _ = parameterName == "weight" ? nn.init.ones_(parameter) : nn.init.zeros_(parameter);
                    }

                    break;
                case MultiheadAttention attention:
                    foreach (var (parameterName, parameter) in attention.named_parameters(recurse: false))
                    {
                        if (parameter.dim() >= 2)
                        {
                            var bound = Math.Sqrt(6.0 / (parameter.shape[0] + parameter.shape[1]));
                            parameter.uniform_(-bound, bound, generator);
                        }
                        else
                        {
                            nn.init.zeros_(parameter);
                        }
                    }

                    break;
                default:
                    if (module.named_parameters(recurse: false).Any())
                    {
                        throw new ArgumentException($"SeededInitialisation: module '{name}' ({module.GetType().Name}) has parameters of its own and no known initialisation");
                    }

                    break;
            }
        }

        // PyTorch zeroes the output projection's bias of attention blocks.
        foreach (var (_, module) in network.named_modules().Prepend(("(root)", network)))
        {
            if (module is MultiheadAttention)
            {
                foreach (var (parameterName, parameter) in module.named_parameters())
                {
                    if (parameterName.EndsWith("out_proj.bias", StringComparison.Ordinal))
                    {
                        nn.init.zeros_(parameter);
                    }
                }
            }
        }
    }

    private static void Default(nn.Module layer, Generator generator)
    {
        var parameters = layer.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
        var weight = parameters["weight"];
        var fanIn = weight.numel() / weight.shape[0];
        var bound = 1.0 / Math.Sqrt(fanIn);
        weight.uniform_(-bound, bound, generator);
        if (parameters.TryGetValue("bias", out var bias))
        {
            bias.uniform_(-bound, bound, generator);
        }
    }
}
