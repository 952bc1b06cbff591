using System.Numerics;
using EdgeMoE.Models.Wireless.Csi;
using EdgeMoE.Models.Wireless.Fading;

namespace EdgeMoE.Models.Wireless.Channel;

/// <summary>
/// The OFDMA channel of a set of links over M subcarriers: H_ij^(m)(t) = Ω_ij·|g_ij^(m)(t)|² with independent
/// fading per link and subcarrier, plus the CSI estimate of it. Slot 0 is drawn on construction;
/// <see cref="Advance"/> moves to the next slot. Not thread-safe: one owner advances it.
/// </summary>
public sealed class OfdmaChannel
{
    private readonly double[] _meanGains;
    private readonly CsiModel _csi;
    private readonly Random _random;
    private readonly FadingProcess _fading;
    // The last k + 1 slots of coefficients, for CSI that is k slots old.
    private readonly Queue<Complex[]> _history = new();

    /// <param name="linkMeanGains">Ω per link: mean power gain from path loss (linear, &gt; 0), e.g. <see cref="PathLoss.LogDistancePathLoss.MeanGain"/>.</param>
    /// <param name="subcarriers">M (&gt; 0).</param>
    /// <param name="fading">Small-scale fading statistics.</param>
    /// <param name="csi">Quality of the channel knowledge.</param>
    /// <param name="random">The seeded generator every draw comes from.</param>
    public OfdmaChannel(IReadOnlyList<double> linkMeanGains, int subcarriers, SmallScaleFading fading, CsiModel csi, Random random)
    {
        ArgumentNullException.ThrowIfNull(linkMeanGains);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(linkMeanGains.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subcarriers);
        ArgumentNullException.ThrowIfNull(csi);
        csi.Validate();
        for (var link = 0; link < linkMeanGains.Count; link++)
        {
            if (!(linkMeanGains[link] > 0) || !double.IsFinite(linkMeanGains[link]))
            {
                throw new ArgumentOutOfRangeException(nameof(linkMeanGains), linkMeanGains[link], $"Mean gain of link {link} must be positive and finite.");
            }
        }

        _meanGains = [.. linkMeanGains];
        Subcarriers = subcarriers;
        _csi = csi;
        _random = random;
        _fading = new FadingProcess(_meanGains.Length * subcarriers, fading, random);
        Current = Realise();
    }

    /// <summary>Number of links.</summary>
    public int Links => _meanGains.Length;

    /// <summary>Number of subcarriers M.</summary>
    public int Subcarriers { get; }

    /// <summary>The channel of the current slot.</summary>
    public ChannelRealisation Current { get; private set; }

    /// <summary>Draws the next slot and returns it.</summary>
    public ChannelRealisation Advance()
    {
        _fading.Advance();
        Current = Realise();
        return Current;
    }

    private ChannelRealisation Realise()
    {
        var coefficients = _fading.Coefficients.ToArray();
        _history.Enqueue(coefficients);
        if (_history.Count > _csi.StalenessSlots + 1)
        {
            _history.Dequeue();
        }

        var actual = Scale(coefficients);
        var estimated = _csi.IsPerfect ? actual : Scale(Estimate(_history.Peek()));
        return new ChannelRealisation(_fading.Slot, actual, estimated);
    }

    private Complex[] Estimate(Complex[] known)
    {
        if (_csi.ErrorVariance == 0)
        {
            return known;
        }

        var estimate = new Complex[known.Length];
        for (var i = 0; i < known.Length; i++)
        {
            estimate[i] = known[i] + ComplexGaussian.Sample(_random, _csi.ErrorVariance);
        }

        return estimate;
    }

    private GainTable Scale(Complex[] coefficients)
    {
        var gains = new double[coefficients.Length];
        for (var i = 0; i < gains.Length; i++)
        {
            gains[i] = _meanGains[i / Subcarriers] * FadingProcess.SquaredMagnitude(coefficients[i]);
        }

        return new GainTable(Links, Subcarriers, gains);
    }
}
