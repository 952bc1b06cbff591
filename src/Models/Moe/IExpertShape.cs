using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe;

/// <summary>The architecture of an expert network: what one input item looks like and how to build the network on it.</summary>
public interface IExpertShape
{
    /// <summary>Dimensions of one input item (e.g. [C, H, W] for an image), without the batch dimension.</summary>
    IReadOnlyList<long> ItemShape { get; }

    /// <summary>Builds the expert with <paramref name="outputs"/> outputs per item, its weights drawn from <paramref name="generator"/>.</summary>
    nn.Module<Tensor, Tensor> Build(int outputs, Generator generator);
}
