using EdgeMoE.Host.Reports;

namespace EdgeMoE.Host.Tests.Run;

public sealed class ReportTests
{
    [Fact]
    public void The_slope_of_a_line_is_its_gradient()
    {
        Assert.Equal(2.5, LeastSquares.Slope([1, 3.5, 6, 8.5, 11]), 12);
        Assert.Equal(0, LeastSquares.Slope([4, 4, 4]), 12);
        Assert.Equal(0, LeastSquares.Slope([7]));
    }

    [Fact]
    public void The_slope_matches_the_closed_form_of_noisy_points()
    {
        // Closed form: slope = (n Σxy − Σx Σy) / (n Σx² − (Σx)²) for x = 0, 1, 2, 3.
        double[] y = [1, 2, 2, 5];
        var n = y.Length;
        double sx = 0, sy = 0, sxy = 0, sxx = 0;
        for (var x = 0; x < n; x++)
        {
            sx += x;
            sy += y[x];
            sxy += x * y[x];
            sxx += x * x;
        }

        Assert.Equal(((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx)), LeastSquares.Slope(y), 12);
    }

    [Fact]
    public void The_table_compares_every_policy_with_the_first()
    {
        var table = ComparisonTable.Render(
        [
            new PolicySummary("stable-moe", 1000, 1250, 0.8, 10, 1, 0, 0, 3),
            new PolicySummary("random", 500, 1250, 0.7, 100, 0, 0.5, 0, 2),
        ]);
        Assert.Contains("stable-moe", table);
        Assert.Contains("0.500", table);
        Assert.Contains("80.00 %", table);
    }
}
