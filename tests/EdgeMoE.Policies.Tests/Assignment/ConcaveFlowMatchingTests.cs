using EdgeMoE.Policies.Assignment;

namespace EdgeMoE.Policies.Tests.Assignment;

public sealed class ConcaveFlowMatchingTests
{
    [Fact]
    public void The_flow_matching_is_optimal_against_enumeration_within_its_rounding_bound()
    {
        var random = new Random(23);
        var checkedInstances = 0;
        while (checkedInstances < 1000)
        {
            var tokens = random.Next(0, 6);
            var experts = random.Next(1, 6);
            var units = random.Next(0, Math.Min(3, experts) + 1);
            var subsets = ConcaveBMatchingTests.Subsets(experts, units).ToArray();
            if (Math.Pow(subsets.Length, tokens) > 20_000)
            {
                continue;
            }

            var integral = random.Next(2) == 0;
            var gains = new double[tokens * experts];
            for (var n = 0; n < gains.Length; n++)
            {
                gains[n] = integral ? random.Next(-2, 3) : ((random.NextDouble() * 6) - 3) * Math.Pow(10, random.Next(-3, 4));
            }

            // Marginals of random length: the last one stands for every larger load.
            var marginals = new double[experts][];
            for (var j = 0; j < experts; j++)
            {
                marginals[j] = new double[random.Next(1, tokens + 3)];
                var m = (random.NextDouble() * 10) - 5;
                for (var r = 0; r < marginals[j].Length; r++)
                {
                    marginals[j][r] = m;
                    m -= random.Next(3) == 0 ? 0 : random.NextDouble() * 3;
                }
            }

            double Marginal(int j, long r) => marginals[j][Math.Min(r, marginals[j].Length - 1)];
            var result = ConcaveFlowMatching.Solve(tokens, experts, units, gains, marginals);

            Assert.All(result.Assignment, route =>
            {
                Assert.Equal(units, route.Length);
                Assert.Equal(units, route.Distinct().Count());
            });
            var loads = new long[experts];
            foreach (var j in result.Assignment.SelectMany(route => route))
            {
                loads[j]++;
            }

            Assert.Equal(loads, result.Loads);
            var value = ConcaveBMatchingTests.Value(result.Assignment, gains, experts, Marginal);
            var optimum = ConcaveBMatchingTests.Optimum(subsets, tokens, gains, experts, Marginal);
            var tolerance = result.RoundingBound + (1e-9 * Math.Max(1, Math.Abs(optimum)));
            Assert.True(Math.Abs(value - optimum) <= tolerance, $"instance {checkedInstances}: {value} vs {optimum} (tolerance {tolerance})");
            checkedInstances++;
        }
    }

    [Fact]
    public void The_rounding_bound_is_tiny_at_the_paper_scale_and_shrinks_with_smaller_costs()
    {
        var random = new Random(5);
        var gains = Enumerable.Range(0, 390 * 10).Select(_ => 50 * random.NextDouble()).ToArray();
        var marginals = Enumerable.Range(0, 10).Select(_ => new[] { 30.0, 10.0, -150.0 }).ToArray();
        var paper = ConcaveFlowMatching.Solve(390, 10, 3, gains, marginals);
        var scaledDown = ConcaveFlowMatching.Solve(390, 10, 3, [.. gains.Select(g => g / 1024)], [.. marginals.Select(m => m.Select(v => v / 1024).ToArray())]);
        Assert.InRange(paper.RoundingBound, 1e-12, 1e-4);
        Assert.Equal(paper.RoundingBound / 1024, scaledDown.RoundingBound);
        Assert.Equal(paper.Assignment, scaledDown.Assignment);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(1e300)]
    public void Extreme_magnitudes_still_get_a_scale_that_fits_int64(double magnitude)
    {
        double[] gains = [3 * magnitude, 1 * magnitude, 2 * magnitude, 1 * magnitude, 3 * magnitude, 2 * magnitude];
        double[][] marginals = [[0, -4 * magnitude], [0, -4 * magnitude], [0, -4 * magnitude]];
        var result = ConcaveFlowMatching.Solve(2, 3, 1, gains, marginals);
        Assert.Equal([[0], [1]], result.Assignment);
        Assert.True(result.RoundingBound <= 1e-3 * magnitude, $"bound {result.RoundingBound}");
    }

    [Fact]
    public void Bad_shapes_and_non_finite_values_are_rejected_with_the_field_named()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConcaveFlowMatching.Solve(1, 2, 3, new double[2], [[0.0], [0.0]]));
        Assert.Throws<ArgumentException>(() => ConcaveFlowMatching.Solve(1, 2, 1, new double[3], [[0.0], [0.0]]));
        Assert.Throws<ArgumentException>(() => ConcaveFlowMatching.Solve(1, 2, 1, [0, double.NaN], [[0.0], [0.0]]));
        var empty = Assert.Throws<ArgumentException>(() => ConcaveFlowMatching.Solve(1, 2, 1, new double[2], [[0.0], []]));
        Assert.Contains("expert 1", empty.Message);
    }
}
