using System.Numerics;
using MathNet.Numerics.Distributions;

namespace EdgeMoE.Models.Wireless.Fading;

/// <summary>
/// The unit-mean-power complex fading coefficients g of many independent channels (e.g. links × subcarriers),
/// advanced one slot at a time. The first slot is drawn from the stationary distribution, so statistics
/// hold from slot 0 on. Not thread-safe: one owner (a channel actor) advances it.
/// </summary>
public sealed class FadingProcess
{
    private readonly SmallScaleFading _fading;
    private readonly Random _random;
    private readonly Complex[] _lineOfSight;
    private readonly Complex[] _scattered;
    private readonly Complex[] _coefficients;

    /// <param name="count">Number of independent channels (&gt; 0).</param>
    /// <param name="fading">Fading statistics shared by all channels.</param>
    /// <param name="random">The seeded generator all draws come from.</param>
    public FadingProcess(int count, SmallScaleFading fading, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(random);
        fading.Validate();
        _fading = fading;
        _random = random;
        _lineOfSight = new Complex[count];
        _scattered = new Complex[count];
        _coefficients = new Complex[count];
        var losAmplitude = fading.LineOfSightAmplitude;
        for (var i = 0; i < count; i++)
        {
            // A fixed line-of-sight phase per channel, uniform in [0, 2π).
            _lineOfSight[i] = losAmplitude > 0
                ? Complex.FromPolarCoordinates(losAmplitude, ContinuousUniform.Sample(random, 0, 2 * Math.PI))
                : Complex.Zero;
            _scattered[i] = StandardComplexNormal();
        }

        Compose();
    }

    /// <summary>Number of channels.</summary>
    public int Count => _coefficients.Length;

    /// <summary>Slots advanced since construction (0 for the first draw).</summary>
    public long Slot { get; private set; }

    /// <summary>The current coefficients g (unit mean power, E|g|² = 1).</summary>
    public ReadOnlySpan<Complex> Coefficients => _coefficients;

    /// <summary>Moves every channel to the next slot (Gauss–Markov update of the scattered part).</summary>
    /// <summary>
    /// The process's memory besides its generator (which its owner saves): the slot count, then real and imaginary parts
    /// of every line-of-sight and scattered component, to continue a checkpointed run exactly.
    /// </summary>
    public double[] ExportState()
    {
        var state = new double[1 + (4 * Count)];
        state[0] = Slot;
        for (var i = 0; i < Count; i++)
        {
            (state[1 + (4 * i)], state[2 + (4 * i)]) = (_lineOfSight[i].Real, _lineOfSight[i].Imaginary);
            (state[3 + (4 * i)], state[4 + (4 * i)]) = (_scattered[i].Real, _scattered[i].Imaginary);
        }

        return state;
    }

    /// <summary>Puts back what <see cref="ExportState"/> returned for a process of as many channels.</summary>
    /// <exception cref="ArgumentException">A state of another length.</exception>
    public void ImportState(ReadOnlySpan<double> state)
    {
        if (state.Length != 1 + (4 * Count))
        {
            throw new ArgumentException($"fading state of {state.Length} values, expected {1 + (4 * Count)}", nameof(state));
        }

        Slot = (long)state[0];
        for (var i = 0; i < Count; i++)
        {
            _lineOfSight[i] = new Complex(state[1 + (4 * i)], state[2 + (4 * i)]);
            _scattered[i] = new Complex(state[3 + (4 * i)], state[4 + (4 * i)]);
        }

        Compose();
    }

    public void Advance()
    {
        var rho = _fading.SlotCorrelation;
        var innovation = Math.Sqrt(1 - (rho * rho));
        for (var i = 0; i < _scattered.Length; i++)
        {
            _scattered[i] = rho == 0 ? StandardComplexNormal() : (rho * _scattered[i]) + (innovation * StandardComplexNormal());
        }

        Compose();
        Slot++;
    }

    /// <summary>Writes the power gains |g|² of the current slot into <paramref name="destination"/> (length <see cref="Count"/>).</summary>
    public void PowerGains(Span<double> destination)
    {
        if (destination.Length != _coefficients.Length)
        {
            throw new ArgumentException($"Destination has length {destination.Length}, expected {_coefficients.Length}.", nameof(destination));
        }

        for (var i = 0; i < _coefficients.Length; i++)
        {
            destination[i] = SquaredMagnitude(_coefficients[i]);
        }
    }

    /// <summary>|z|² without the square root of <see cref="Complex.Magnitude"/>.</summary>
    public static double SquaredMagnitude(Complex z) => (z.Real * z.Real) + (z.Imaginary * z.Imaginary);

    private Complex StandardComplexNormal() => ComplexGaussian.Sample(_random, 1);

    private void Compose()
    {
        var scatteredAmplitude = _fading.ScatteredAmplitude;
        for (var i = 0; i < _coefficients.Length; i++)
        {
            _coefficients[i] = _lineOfSight[i] + (scatteredAmplitude * _scattered[i]);
        }
    }
}
