namespace EdgeMoE.Models.Moe;

/// <summary>
/// Shape of a small convolutional network on [N, InputChannels, Height, Width] images: one block per
/// entry of <see cref="Channels"/> (conv k×k "same" padding, ReLU, max-pool 2), then a linear
/// projection to <see cref="FeatureSize"/> features.
/// </summary>
public sealed record CnnOptions(int InputChannels, int Height, int Width, IReadOnlyList<int> Channels, int FeatureSize, int KernelSize = 3) : IExpertShape
{
    /// <inheritdoc />
    public IReadOnlyList<long> ItemShape => [InputChannels, Height, Width];

    /// <inheritdoc />
    public TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Build(int outputs, TorchSharp.torch.Generator generator) =>
        new CnnExpert(this, outputs, generator);

    /// <summary>Side lengths after all pooling blocks.</summary>
    public (int Height, int Width) PooledSize =>
        (Height >> Channels.Count, Width >> Channels.Count);

    /// <summary>Throws naming the field at fault.</summary>
    public void Validate()
    {
        if (InputChannels < 1 || FeatureSize < 1 || KernelSize < 1 || KernelSize % 2 == 0)
        {
            throw new ArgumentException($"CnnOptions: InputChannels ({InputChannels}) and FeatureSize ({FeatureSize}) must be positive and KernelSize ({KernelSize}) odd");
        }

        if (Channels.Count == 0 || Channels.Any(c => c < 1))
        {
            throw new ArgumentException("CnnOptions.Channels must list at least one positive channel count");
        }

        if (PooledSize.Height < 1 || PooledSize.Width < 1)
        {
            throw new ArgumentException($"CnnOptions: a {Height}×{Width} image cannot be pooled {Channels.Count} times");
        }
    }
}
