using EdgeMoE.Models.Wireless.Distortion;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>Distorts a batch of feature rows, each sent as its own tensor at its own instantaneous SNR.</summary>
public static class FeatureCorruption
{
    /// <summary>
    /// Sends each row of <paramref name="rows"/> (row-major, <paramref name="width"/> floats a row) through
    /// <paramref name="transmission"/> at the linear SNR <paramref name="snrs"/>[row], in place; null leaves them intact.
    /// </summary>
    public static void Apply(IHiddenStateTransmission? transmission, Span<float> rows, int width, ReadOnlySpan<double> snrs, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (rows.Length != width * snrs.Length)
        {
            throw new ArgumentException($"{rows.Length} floats are not {snrs.Length} rows of {width}", nameof(rows));
        }

        if (transmission is null)
        {
            return;
        }

        for (var r = 0; r < snrs.Length; r++)
        {
            transmission.Transmit(rows.Slice(r * width, width), snrs[r], random);
        }
    }
}
