namespace EdgeMoE.Host.Commands.Bench;

/// <summary>Order statistics of measured times (any unit; the caller's).</summary>
internal static class Timings
{
    /// <summary>The median (mean of the two middle values for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = Sorted(values);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The nearest-rank <paramref name="quantile"/> (0 &lt; q ≤ 1), e.g. 0.9 for the 90th percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double quantile)
    {
        var sorted = Sorted(values);
        var rank = (int)Math.Ceiling(quantile * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length > 0 ? sorted : throw new ArgumentException("no measurement to summarise", nameof(values));
    }
}
