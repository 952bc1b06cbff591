using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// Per-sample block fading of a feature link: one sample's features meet one channel coefficient h ~ CN(0, 1)
/// (Rayleigh), so the instantaneous SNR is the mean SNR times |h|², an exponential power gain of mean 1.
/// </summary>
/// <param name="Rayleigh">False for a link without fading (instantaneous SNR = mean SNR).</param>
public sealed record BlockFading(bool Rayleigh)
{
    /// <summary>The instantaneous linear SNR of a sample on a link of mean linear SNR <paramref name="meanSnr"/>.</summary>
    public double Instantaneous(double meanSnr, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!Rayleigh)
        {
            return meanSnr;
        }

        var h = ComplexGaussian.Sample(random, 1);
        // A gain of exactly 0 has probability 0 but would make analog noise infinite; keep it positive.
        return meanSnr * Math.Max(FadingProcess.SquaredMagnitude(h), 1e-12);
    }
}
