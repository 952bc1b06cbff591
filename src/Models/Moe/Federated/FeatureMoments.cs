namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// What a client shares so that every client can standardise features alike: per feature, the sum and the sum of
/// squares of its training features F(x), and how many samples they cover (2d + 1 numbers; no sample leaves the client).
/// </summary>
/// <param name="Sum">Σ_x F(x)_j of each feature j.</param>
/// <param name="SumOfSquares">Σ_x F(x)_j² of each feature j.</param>
/// <param name="Count">Samples summed (≥ 0).</param>
public sealed record FeatureMoments(double[] Sum, double[] SumOfSquares, long Count)
{
    /// <summary>The moments of the rows of <paramref name="features"/> (row-major [n, <paramref name="width"/>]).</summary>
    public static FeatureMoments Of(ReadOnlySpan<float> features, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (features.Length % width != 0)
        {
            throw new ArgumentException($"feature moments: {features.Length} values do not form rows of {width}", nameof(features));
        }

        var sum = new double[width];
        var squares = new double[width];
        for (var k = 0; k < features.Length; k++)
        {
            var value = (double)features[k];
            sum[k % width] += value;
            squares[k % width] += value * value;
        }

        return new FeatureMoments(sum, squares, features.Length / width);
    }
}
