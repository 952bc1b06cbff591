namespace EdgeMoE.Models.Wireless.Distortion;

/// <summary>Gray-mapped modulations for digital hidden-state transmission.</summary>
public enum Modulation
{
    /// <summary>Binary phase-shift keying, 1 bit per symbol.</summary>
    Bpsk,

    /// <summary>Quadrature phase-shift keying (Gray), 2 bits per symbol.</summary>
    Qpsk,

    /// <summary>Square 16-QAM (Gray), 4 bits per symbol.</summary>
    Qam16,
}
