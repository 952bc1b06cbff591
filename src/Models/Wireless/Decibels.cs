namespace EdgeMoE.Models.Wireless;

/// <summary>Conversions between power ratios and decibels (10·log10).</summary>
public static class Decibels
{
    /// <summary>The linear power ratio of <paramref name="decibels"/> dB: 10^(dB/10).</summary>
    public static double ToLinear(double decibels) => Math.Pow(10, decibels / 10);

    /// <summary>The power ratio <paramref name="linear"/> (&gt; 0) in dB: 10·log10(x).</summary>
    public static double FromLinear(double linear) => 10 * Math.Log10(linear);
}
