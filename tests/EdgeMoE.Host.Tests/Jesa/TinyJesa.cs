using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using EdgeMoE.Models.Vit;

namespace EdgeMoE.Host.Tests.Jesa;

/// <summary>A JESA scenario small enough for tests: an untrained two-layer MoE-ViT, 16 synthetic images, five schemes.</summary>
internal static class TinyJesa
{
    /// <summary>The scenario file's text; <paramref name="extra"/> lines inside <c>edgemoe.jesa</c> override its keys.</summary>
    public static string Scenario(string weights, string extra = "") => $$"""
        edgemoe {
          run { scenario = jesa, dataset = synthetic }
          jesa {
            weights = "{{weights}}"
            images = 16
            layers = 2
            subcarriers = 64
            schemes = ["top-1", "top-2", "h(0.7,2)", "jesa(0.9,2)", "lb(0.9,2)"]
            {{extra}}
          }
        }
        """;

    /// <summary>An untrained two-layer MoE-ViT: the protocol and the files do not need a trained one.</summary>
    public static string Weights(ScratchFolder scratch)
    {
        var path = Path.Combine(scratch.Path, "tiny.safetensors");
        using var generator = NetworkSeed.Generator(7, "tiny-moe-vit");
        using var model = new MoeVit(new MoeVitOptions(Layers: 2), generator);
        SafeTensors.Save(path, model);
        return path;
    }
}
