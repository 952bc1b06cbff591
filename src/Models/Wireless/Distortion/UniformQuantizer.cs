namespace EdgeMoE.Models.Wireless.Distortion;

/// <summary>
/// Uniform quantiser of a tensor to b bits per element over [min, max] of the tensor itself (min and max
/// travel as side information): index q = round((x − min)/Δ), Δ = (max − min)/(2^b − 1), value min + q·Δ.
/// A constant tensor (max = min) has Δ = 0 and every index 0.
/// </summary>
/// <param name="Minimum">Smallest element (the value of index 0).</param>
/// <param name="Maximum">Largest element (the value of index 2^b − 1).</param>
/// <param name="Bits">b, bits per element (1–24).</param>
public readonly record struct UniformQuantizer(float Minimum, float Maximum, int Bits)
{
    /// <summary>The largest index, 2^b − 1.</summary>
    public uint MaxIndex => (1u << Bits) - 1;

    /// <summary>Step Δ between consecutive levels.</summary>
    public double Step => MaxIndex == 0 ? 0 : ((double)Maximum - Minimum) / MaxIndex;

    /// <summary>Builds the quantiser of <paramref name="tensor"/> (non-empty, finite elements) at <paramref name="bits"/> bits.</summary>
    public static UniformQuantizer For(ReadOnlySpan<float> tensor, int bits)
    {
        if (bits is < 1 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "Bits per element must be in 1–24.");
        }

        if (tensor.IsEmpty)
        {
            throw new ArgumentException("Cannot quantise an empty tensor.", nameof(tensor));
        }

        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var x in tensor)
        {
            if (!float.IsFinite(x))
            {
                throw new ArgumentException("The tensor has a non-finite element.", nameof(tensor));
            }

            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return new UniformQuantizer(min, max, bits);
    }

    /// <summary>The index of <paramref name="value"/>, clamped to [0, 2^b − 1].</summary>
    public uint Index(float value)
    {
        var step = Step;
        if (step == 0)
        {
            return 0;
        }

        var q = Math.Round((value - Minimum) / step, MidpointRounding.AwayFromZero);
        return (uint)Math.Clamp(q, 0, MaxIndex);
    }

    /// <summary>The reconstruction value of index <paramref name="index"/>: min + q·Δ.</summary>
    public float Value(uint index) => (float)(Minimum + (index * Step));
}
