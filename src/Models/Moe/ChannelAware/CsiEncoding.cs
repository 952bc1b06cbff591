namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// How a link's distortion variance σ̃²_k enters the channel-aware gate: log10(σ̃²) clamped to [−6, 3], divided by 3.
/// σ̃² spans nine decades between a 30 dB digital link and a deep analog fade; its logarithm keeps the gate's inputs
/// of order 1 (our reading: the paper feeds σ̃ itself).
/// </summary>
public static class CsiEncoding
{
    /// <summary>Smallest variance told apart (10^-6).</summary>
    public const double Floor = 1e-6;

    /// <summary>Largest variance told apart (10^3).</summary>
    public const double Ceiling = 1e3;

    /// <summary>The gate input of distortion variance <paramref name="variance"/> (≥ 0), in [−2, 1].</summary>
    public static float Encode(double variance) =>
        (float)(Math.Log10(Math.Clamp(double.IsNaN(variance) ? Ceiling : variance, Floor, Ceiling)) / 3);
}
