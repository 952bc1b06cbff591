using EdgeMoE.Models.Wireless;
using EdgeMoE.Models.Wireless.Distortion;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Host.Settings;

/// <summary>The <c>edgemoe.wireless</c> section as the edge links use it.</summary>
/// <param name="Fading">Small-scale fading with its slot-to-slot correlation.</param>
/// <param name="MeanSnrDb">Mean received SNR of every link (dB).</param>
/// <param name="Subcarriers">OFDMA subcarriers M shared by the links (≥ 1).</param>
/// <param name="SpacingHz">Subcarrier spacing B0 (Hz).</param>
/// <param name="NoiseW">Noise power N0 per subcarrier (W).</param>
/// <param name="PowerW">Transmit power P0 per subcarrier (W).</param>
/// <param name="Transmission">Analog or digital distortion of tensors in transit; null for none.</param>
public sealed record WirelessLinkSettings(
    SmallScaleFading Fading, double MeanSnrDb, int Subcarriers, double SpacingHz, double NoiseW, double PowerW, IHiddenStateTransmission? Transmission)
{
    public const string Section = "wireless";

    /// <summary>Mean power gain that gives <see cref="MeanSnrDb"/> at P0 over N0 (linear).</summary>
    public double MeanGain => Decibels.ToLinear(MeanSnrDb) * NoiseW / PowerW;

    internal static WirelessLinkSettings Read(SettingsReader r, double slotSeconds)
    {
        var ricianK = r.OneOf("fading", ["rayleigh", "rician"]) == "rician" ? r.AtLeast("rician-k-factor", 0) : 0;
        var correlation = r.OneOf("time-correlation", ["block", "gauss-markov"]) == "gauss-markov"
            ? SmallScaleFading.DopplerCorrelation(r.AtLeast("doppler", 0), slotSeconds)
            : 0;
        var section = r.Section;
        IHiddenStateTransmission? transmission = r.OneOf("distortion.mode", ["none", "analog", "digital"]) switch
        {
            "analog" => new AnalogTransmission(),
            "digital" => new DigitalTransmission(
                r.Int("distortion.bits-per-element", min: 1, max: 32),
                r.OneOf("distortion.modulation", ["bpsk", "qpsk", "qam16"]) switch
                {
                    "bpsk" => Modulation.Bpsk,
                    "qam16" => Modulation.Qam16,
                    _ => Modulation.Qpsk,
                },
                Decibels.ToLinear(section.GetDouble("distortion.outage-snr-db"))),
            _ => null,
        };
        return new WirelessLinkSettings(
            new SmallScaleFading(ricianK, correlation),
            section.GetDouble("mean-snr-db"),
            r.Int("subcarriers", min: 1),
            r.GreaterThan("subcarrier-spacing", 0),
            r.GreaterThan("noise-power", 0),
            r.GreaterThan("transmit-power", 0),
            transmission);
    }
}
