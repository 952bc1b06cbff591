using MathNet.Numerics;

namespace EdgeMoE.Models.Wireless.Fading;

/// <summary>
/// Small-scale fading of a link, normalised to unit mean power: the complex coefficient is
/// g = √(K/(K+1))·e^{jθ} + √(1/(K+1))·w, w ~ CN(0, 1), and the power gain is Ω·|g|² for a link of mean gain Ω.
/// K = 0 is Rayleigh fading (exponential power gain with mean Ω).
/// Over slots the scattered part follows a first-order Gauss–Markov process
/// w(t+1) = ρ·w(t) + √(1−ρ²)·e(t); ρ = 0 is block fading (independent per slot).
/// </summary>
/// <param name="RicianK">Rician K-factor, power ratio of line-of-sight to scattered part (linear, ≥ 0; 0 = Rayleigh).</param>
/// <param name="SlotCorrelation">ρ, correlation of the scattered part between consecutive slots (in [−1, 1]; 0 = block fading).</param>
public sealed record SmallScaleFading(double RicianK = 0, double SlotCorrelation = 0)
{
    /// <summary>Rayleigh block fading: independent CN(0, 1) coefficients every slot.</summary>
    public static SmallScaleFading RayleighBlock { get; } = new();

    /// <summary>
    /// Jakes' correlation of a Gauss–Markov channel between slots: ρ = J0(2π·f_D·T).
    /// </summary>
    /// <param name="dopplerHz">Maximum Doppler frequency f_D = v·f_c / c (Hz, ≥ 0).</param>
    /// <param name="slotSeconds">Slot length T (s, ≥ 0).</param>
    public static double DopplerCorrelation(double dopplerHz, double slotSeconds)
    {
        if (!(dopplerHz >= 0) || !double.IsFinite(dopplerHz))
        {
            throw new ArgumentOutOfRangeException(nameof(dopplerHz), dopplerHz, "The Doppler frequency must be finite and ≥ 0.");
        }

        if (!(slotSeconds >= 0) || !double.IsFinite(slotSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(slotSeconds), slotSeconds, "The slot length must be finite and ≥ 0.");
        }

        return SpecialFunctions.BesselJ(0, 2 * Math.PI * dopplerHz * slotSeconds);
    }

    /// <summary>Fading with the given K-factor whose slot correlation comes from a Doppler frequency and slot length.</summary>
    public static SmallScaleFading WithDoppler(double ricianK, double dopplerHz, double slotSeconds) =>
        new(ricianK, DopplerCorrelation(dopplerHz, slotSeconds));

    /// <summary>Amplitude of the line-of-sight part, √(K/(K+1)).</summary>
    public double LineOfSightAmplitude => Math.Sqrt(RicianK / (RicianK + 1));

    /// <summary>Standard deviation of the scattered part, √(1/(K+1)).</summary>
    public double ScatteredAmplitude => Math.Sqrt(1 / (RicianK + 1));

    /// <summary>Throws when K or ρ is outside its range.</summary>
    public void Validate()
    {
        if (!(RicianK >= 0) || !double.IsFinite(RicianK))
        {
            throw new ArgumentOutOfRangeException(nameof(RicianK), RicianK, "The Rician K-factor must be finite and ≥ 0.");
        }

        if (!(SlotCorrelation >= -1 && SlotCorrelation <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SlotCorrelation), SlotCorrelation, "The slot correlation must lie in [−1, 1].");
        }
    }
}
