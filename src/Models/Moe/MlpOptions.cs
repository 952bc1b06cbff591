using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe;

/// <summary>Shape of a small <see cref="MlpExpert"/> on flat inputs of <paramref name="InputSize"/> floats (e.g. the tiny experts of <c>bench scale</c>).</summary>
/// <param name="InputSize">Floats per input item (≥ 1).</param>
/// <param name="Hidden">Widths of the hidden layers (each ≥ 1; empty makes the expert linear).</param>
public sealed record MlpOptions(int InputSize, IReadOnlyList<int> Hidden) : IExpertShape
{
    /// <inheritdoc />
    public IReadOnlyList<long> ItemShape => [InputSize];

    /// <inheritdoc />
    public nn.Module<Tensor, Tensor> Build(int outputs, Generator generator)
    {
        Validate();
        return new MlpExpert(InputSize, Hidden, outputs, generator);
    }

    /// <summary>Throws naming the field at fault.</summary>
    public void Validate()
    {
        if (InputSize < 1 || Hidden.Any(h => h < 1))
        {
            throw new ArgumentException($"MlpOptions: InputSize ({InputSize}) and every hidden width ({string.Join(", ", Hidden)}) must be positive");
        }
    }
}
