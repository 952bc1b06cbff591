namespace EdgeMoE.Models.Vit;

/// <summary>The shape of a <see cref="MoeVit"/>: square images cut into square patches, one token per patch.</summary>
/// <param name="ImageSide">Image height and width, pixels (28 for Fashion-MNIST).</param>
/// <param name="PatchSide">Patch height and width, pixels; must divide <paramref name="ImageSide"/> (7 gives 16 tokens).</param>
/// <param name="Dim">d, the hidden-state width.</param>
/// <param name="Layers">L, transformer layers.</param>
/// <param name="Heads">Attention heads; must divide <paramref name="Dim"/>.</param>
/// <param name="Experts">K, FFN experts per layer.</param>
/// <param name="ExpertHidden">Hidden width of each FFN expert (d → hidden → d).</param>
/// <param name="TrainTopK">Experts each token uses in training (Top-k of the gate, weights renormalised as eq. 8).</param>
/// <param name="Classes">Output classes.</param>
public sealed record MoeVitOptions(
    int ImageSide = 28,
    int PatchSide = 7,
    int Dim = 32,
    int Layers = 8,
    int Heads = 2,
    int Experts = 8,
    int ExpertHidden = 64,
    int TrainTopK = 2,
    int Classes = 10)
{
    /// <summary>Tokens per image, (ImageSide / PatchSide)².</summary>
    public int Tokens => (ImageSide / PatchSide) * (ImageSide / PatchSide);

    /// <summary>Pixels per patch.</summary>
    public int PatchPixels => PatchSide * PatchSide;

    /// <summary>Checks every field; the message names it.</summary>
    /// <exception cref="ArgumentException">A field is out of range.</exception>
    public void Validate()
    {
        Positive(ImageSide, nameof(ImageSide));
        Positive(PatchSide, nameof(PatchSide));
        Positive(Dim, nameof(Dim));
        Positive(Layers, nameof(Layers));
        Positive(Heads, nameof(Heads));
        Positive(Experts, nameof(Experts));
        Positive(ExpertHidden, nameof(ExpertHidden));
        Positive(Classes, nameof(Classes));
        if (ImageSide % PatchSide != 0)
        {
            throw new ArgumentException($"PatchSide {PatchSide} must divide ImageSide {ImageSide}", nameof(PatchSide));
        }

        if (Dim % Heads != 0)
        {
            throw new ArgumentException($"Heads {Heads} must divide Dim {Dim}", nameof(Heads));
        }

        if (TrainTopK < 1 || TrainTopK > Experts)
        {
            throw new ArgumentException($"TrainTopK must be in [1, Experts = {Experts}], got {TrainTopK}", nameof(TrainTopK));
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} must be ≥ 1, got {value}", name);
        }
    }
}
