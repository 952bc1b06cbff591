namespace EdgeMoE.Host.Reports;

/// <summary>Ordinary least-squares fits.</summary>
public static class LeastSquares
{
    /// <summary>Slope of the line fitted to the points (i, values[i]); 0 for fewer than two points.</summary>
    public static double Slope(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 2)
        {
            return 0;
        }

        var meanX = (n - 1) / 2.0;
        var meanY = values.Average();
        double covariance = 0, variance = 0;
        for (var i = 0; i < n; i++)
        {
            covariance += (i - meanX) * (values[i] - meanY);
            variance += (i - meanX) * (i - meanX);
        }

        return covariance / variance;
    }
}
