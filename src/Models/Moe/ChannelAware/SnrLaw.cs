using EdgeMoE.Models.Wireless;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>The law of a link's mean SNR for one sample: uniform in decibels over [<paramref name="MinDb"/>, <paramref name="MaxDb"/>].</summary>
/// <param name="MinDb">Lowest mean SNR (dB).</param>
/// <param name="MaxDb">Highest mean SNR (dB, ≥ MinDb).</param>
public sealed record SnrLaw(double MinDb, double MaxDb)
{
    /// <summary>A linear mean SNR drawn from <paramref name="random"/>.</summary>
    public double Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Decibels.ToLinear(MinDb + ((MaxDb - MinDb) * random.NextDouble()));
    }
}
