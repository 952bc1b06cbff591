namespace EdgeMoE.Models.Wireless.Channel;

/// <summary>
/// Power gains H_ij^(m) of one slot, one row per link and one column per subcarrier (dimensionless,
/// ≥ 0; SNR = H·P0/N0). Immutable once built.
/// </summary>
public sealed class GainTable
{
    private readonly double[] _gains;

    /// <summary>Wraps <paramref name="gains"/> (row-major, links × subcarriers); the table takes ownership.</summary>
    public GainTable(int links, int subcarriers, double[] gains)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(links);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subcarriers);
        ArgumentNullException.ThrowIfNull(gains);
        if (gains.Length != links * subcarriers)
        {
            throw new ArgumentException($"Expected {links}×{subcarriers} = {links * subcarriers} gains, got {gains.Length}.", nameof(gains));
        }

        Links = links;
        Subcarriers = subcarriers;
        _gains = gains;
    }

    /// <summary>Number of links (rows).</summary>
    public int Links { get; }

    /// <summary>Number of subcarriers M (columns).</summary>
    public int Subcarriers { get; }

    /// <summary>H of <paramref name="link"/> on subcarrier <paramref name="subcarrier"/>.</summary>
    public double this[int link, int subcarrier] => Link(link)[subcarrier];

    /// <summary>The gains of one link over all M subcarriers.</summary>
    public ReadOnlySpan<double> Link(int link)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(link);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(link, Links);
        return _gains.AsSpan(link * Subcarriers, Subcarriers);
    }

    /// <summary>All gains, row-major.</summary>
    public ReadOnlySpan<double> All => _gains;
}
