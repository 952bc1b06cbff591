namespace EdgeMoE.Models.Wireless.Channel;

/// <summary>
/// The radio parameters of JESA's OFDMA model and the latency and energy of a payload over assigned subcarriers.
/// </summary>
/// <param name="SpacingHz">B0, subcarrier spacing (Hz, &gt; 0).</param>
/// <param name="PowerW">P0, transmit power per subcarrier (W, &gt; 0).</param>
/// <param name="NoiseW">N0, noise power per subcarrier (W, &gt; 0).</param>
public sealed record OfdmaLinkBudget(double SpacingHz, double PowerW, double NoiseW)
{
    /// <summary>Instantaneous SNR H·P0/N0 of a subcarrier with power gain <paramref name="gain"/> (linear).</summary>
    public double Snr(double gain) => gain * PowerW / NoiseW;

    /// <summary>
    /// Latency and energy of <paramref name="bits"/> bits on <paramref name="link"/> over the subcarriers
    /// <paramref name="subcarriers"/> (indices into the table's columns, each used once).
    /// </summary>
    public TransmissionCost Price(double bits, GainTable gains, int link, ReadOnlySpan<int> subcarriers)
    {
        ArgumentNullException.ThrowIfNull(gains);
        var row = gains.Link(link);
        Span<double> assigned = subcarriers.Length <= 256 ? stackalloc double[subcarriers.Length] : new double[subcarriers.Length];
        for (var i = 0; i < subcarriers.Length; i++)
        {
            assigned[i] = row[subcarriers[i]];
        }

        return Price(bits, assigned);
    }

    /// <summary>Latency and energy of <paramref name="bits"/> bits over subcarriers with power gains <paramref name="assignedGains"/>.</summary>
    public TransmissionCost Price(double bits, ReadOnlySpan<double> assignedGains)
    {
        if (!(bits >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "The payload must be ≥ 0 bits.");
        }

        var rate = Ofdma.LinkRate(SpacingHz, assignedGains, PowerW, NoiseW);
        var seconds = Ofdma.TransmissionSeconds(bits, rate);
        // A payload that can never be delivered costs unbounded energy, also with no subcarrier at all (∞·0).
        var joules = double.IsPositiveInfinity(seconds) ? double.PositiveInfinity : Ofdma.CommunicationEnergy(bits, rate, assignedGains.Length, PowerW);
        return new TransmissionCost(rate, seconds, joules, EffectiveSnr(rate, assignedGains.Length));
    }

    /// <summary>
    /// The single SNR that gives, on each of the subcarriers, their average rate: 2^(R/(n·B0)) − 1 (linear; 0 without
    /// subcarriers). Hidden states spread over the subcarriers meet this SNR in the distortion models.
    /// </summary>
    public double EffectiveSnr(ReadOnlySpan<double> gains) =>
        EffectiveSnr(Ofdma.LinkRate(SpacingHz, gains, PowerW, NoiseW), gains.Length);

    private double EffectiveSnr(double rate, int subcarriers) =>
        subcarriers == 0 ? 0 : Math.Pow(2, rate / (subcarriers * SpacingHz)) - 1;
}
