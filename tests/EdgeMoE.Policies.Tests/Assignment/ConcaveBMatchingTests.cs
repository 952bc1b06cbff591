using EdgeMoE.Policies.Assignment;

namespace EdgeMoE.Policies.Tests.Assignment;

public sealed class ConcaveBMatchingTests
{
    [Fact]
    public void The_matching_is_optimal_against_enumeration_with_negative_gains_ties_and_flat_marginals()
    {
        var random = new Random(11);
        var checkedInstances = 0;
        while (checkedInstances < 400)
        {
            var tokens = random.Next(0, 6);
            var experts = random.Next(1, 6);
            var units = random.Next(0, Math.Min(3, experts) + 1);
            var subsets = Subsets(experts, units).ToArray();
            if (Math.Pow(subsets.Length, tokens) > 20_000)
            {
                continue;
            }

            var integral = random.Next(2) == 0;
            var gains = new double[tokens * experts];
            for (var n = 0; n < gains.Length; n++)
            {
                gains[n] = integral ? random.Next(-2, 3) : (random.NextDouble() * 6) - 3;
            }

            var marginals = new double[experts][];
            for (var j = 0; j < experts; j++)
            {
                marginals[j] = new double[tokens + 1];
                var m = (random.NextDouble() * 10) - 5;
                for (var r = 0; r <= tokens; r++)
                {
                    marginals[j][r] = m;
                    m -= random.Next(3) == 0 ? 0 : random.NextDouble() * 3;
                }
            }

            double Marginal(int j, long r) => marginals[j][Math.Min(r, tokens)];
            var result = ConcaveBMatching.Solve(tokens, experts, units, gains, Marginal);

            Assert.All(result.Assignment, route =>
            {
                Assert.Equal(units, route.Length);
                Assert.Equal(units, route.Distinct().Count());
            });
            var value = Value(result.Assignment, gains, experts, Marginal);
            var optimum = Optimum(subsets, tokens, gains, experts, Marginal);
            Assert.True(Math.Abs(value - optimum) <= 1e-9 * Math.Max(1, Math.Abs(optimum)), $"instance {checkedInstances}: {value} vs {optimum}");
            checkedInstances++;
        }
    }

    [Fact]
    public void Mid_size_matchings_equal_or_tools_min_cost_flow_across_vector_widths()
    {
        var random = new Random(29);
        for (var n = 0; n < 40; n++)
        {
            var tokens = random.Next(1, 25);
            var experts = random.Next(5, 21);
            var units = random.Next(1, Math.Min(4, experts) + 1);
            var gains = new double[tokens * experts];
            for (var g = 0; g < gains.Length; g++)
            {
                gains[g] = random.Next(2) == 0 ? random.Next(0, 3) : random.NextDouble() * 3;
            }

            var start = new double[experts];
            var slope = new double[experts];
            for (var j = 0; j < experts; j++)
            {
                start[j] = (random.NextDouble() * 8) - 4;
                slope[j] = random.Next(3) == 0 ? 0 : random.NextDouble() * 2;
            }

            double Marginal(int j, long r) => start[j] - (slope[j] * Math.Min(r, 6));
            var result = ConcaveBMatching.Solve(tokens, experts, units, gains, Marginal);
            var value = Value(result.Assignment, gains, experts, Marginal);
            var marginals = Enumerable.Range(0, experts).Select(j => Enumerable.Range(0, 7).Select(r => Marginal(j, r)).ToArray()).ToArray();
            var reference = ConcaveFlowMatching.Solve(tokens, experts, units, gains, marginals);
            var referenceValue = Value(reference.Assignment, gains, experts, Marginal);

            // OR-Tools' optimum is exact up to its rounding bound, in either direction against ours.
            var tolerance = reference.RoundingBound + (1e-9 * Math.Max(1, Math.Abs(referenceValue)));
            Assert.True(value >= referenceValue - tolerance, $"instance {n}: {value} below OR-Tools' {referenceValue}");
            Assert.True(value <= referenceValue + tolerance, $"instance {n}: {value} above OR-Tools' {referenceValue}");
        }
    }

    [Fact]
    public void Asking_for_more_distinct_experts_than_exist_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConcaveBMatching.Solve(1, 2, 3, new double[2], (_, _) => 0));
    }

    internal static double Value(IReadOnlyList<int[]> assignment, double[] gains, int experts, Func<int, long, double> marginal)
    {
        var loads = new long[experts];
        var value = 0.0;
        for (var i = 0; i < assignment.Count; i++)
        {
            foreach (var j in assignment[i])
            {
                value += gains[(i * experts) + j] + marginal(j, loads[j]);
                loads[j]++;
            }
        }

        return value;
    }

    internal static double Optimum(int[][] subsets, int tokens, double[] gains, int experts, Func<int, long, double> marginal)
    {
        var choice = new int[tokens];
        var best = double.NegativeInfinity;
        while (true)
        {
            best = Math.Max(best, Value([.. choice.Select(c => subsets[c])], gains, experts, marginal));
            var n = 0;
            while (n < tokens && ++choice[n] == subsets.Length)
            {
                choice[n++] = 0;
            }

            if (n == tokens)
            {
                return best;
            }
        }
    }

    internal static IEnumerable<int[]> Subsets(int experts, int size) =>
        size == 0
            ? [[]]
            : Enumerable.Range(0, experts).SelectMany(first =>
                Subsets(experts, size - 1).Where(rest => rest.All(j => j > first)).Select(rest => (int[])[first, .. rest]));
}
