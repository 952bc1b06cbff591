using EdgeMoE.Policies.Assignment;

namespace EdgeMoE.Policies.Tests.Assignment;

public sealed class LinearAssignmentTests
{
    [Fact]
    public void Assignment_equals_brute_force_on_every_shape_up_to_8_by_8()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 600; trial++)
        {
            var n = random.Next(1, 9);
            var m = random.Next(1, 9);
            var cost = RandomCost(random, n, m, integer: trial % 2 == 0, range: trial % 3 == 0 ? 3 : 100);
            var result = LinearAssignment.Solve(cost);
            AssertValid(cost, result);
            Assert.Equal(BruteForce(cost), result.Cost, 9);
        }
    }

    [Fact]
    public void Assignment_equals_or_tools_on_random_matrices_up_to_300()
    {
        var random = new Random(12);
        (int N, int M)[] shapes = [(300, 300), (56, 300), (300, 120), (200, 200), (17, 290), (250, 251)];
        foreach (var (n, m) in shapes)
        {
            foreach (var integer in new[] { true, false })
            {
                var cost = RandomCost(random, n, m, integer, range: integer ? 50 : 1);
                var result = LinearAssignment.Solve(cost);
                AssertValid(cost, result);
                Assert.Equal(OrToolsOptimum(cost), result.Cost, 9);
            }
        }

        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(0, 40);
            var m = random.Next(0, 40);
            var cost = RandomCost(random, n, m, integer: trial % 2 == 0, range: trial % 3 == 0 ? 2 : 10);
            var result = LinearAssignment.Solve(cost);
            AssertValid(cost, result);
            Assert.Equal(OrToolsOptimum(cost), result.Cost, 9);
        }
    }

    [Fact]
    public void The_or_tools_oracle_agrees_with_brute_force_on_small_rectangles()
    {
        var random = new Random(13);
        for (var trial = 0; trial < 300; trial++)
        {
            var cost = RandomCost(random, random.Next(1, 7), random.Next(1, 7), integer: false, range: 8);
            Assert.Equal(BruteForce(cost), OrToolsOptimum(cost), 9);
        }
    }

    // Real costs here are multiples of 2^-20 (RandomCost), so scaling by 2^20 makes OR-Tools' integer problem exact.
    private static double OrToolsOptimum(double[,] cost)
    {
        var n = cost.GetLength(0);
        var m = cost.GetLength(1);
        var scaled = new long[n * m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                scaled[(i * m) + j] = checked((long)Math.ScaleB(cost[i, j], 20));
            }
        }

        using var oracle = new OrToolsLinearAssignment(scaled, n, m);
        var result = oracle.Solve();
        AssertValid(cost, result with { Cost = Math.ScaleB(result.Cost, -20) });
        return Math.ScaleB(result.Cost, -20);
    }

    [Fact]
    public void Tall_matrices_leave_the_extra_rows_without_a_column()
    {
        var result = LinearAssignment.Solve(new double[,] { { 5, 1 }, { 1, 5 }, { 0, 0 } });
        Assert.Equal(3, result.ColumnOfRow.Length);
        Assert.Equal(1, result.ColumnOfRow.Count(c => c < 0));
        Assert.Equal(1, result.Cost);
    }

    [Fact]
    public void Shapes_and_non_finite_costs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(new double[5], 2, 3));
        Assert.Throws<ArgumentException>(() => LinearAssignment.Solve(new double[,] { { 1, double.NaN } }));
        Assert.Empty(LinearAssignment.Solve(new double[0, 4]).ColumnOfRow);
    }

    internal static double[,] RandomCost(Random random, int n, int m, bool integer, double range)
    {
        var cost = new double[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                cost[i, j] = integer ? random.Next((int)range + 1) : Math.ScaleB(Math.Floor(Math.ScaleB(random.NextDouble() * range, 20)), -20);
            }
        }

        return cost;
    }

    private static void AssertValid(double[,] cost, AssignmentResult result)
    {
        var n = cost.GetLength(0);
        var m = cost.GetLength(1);
        Assert.Equal(n, result.ColumnOfRow.Length);
        var assigned = result.ColumnOfRow.Where(c => c >= 0).ToArray();
        Assert.Equal(Math.Min(n, m), assigned.Length);
        Assert.Equal(assigned.Length, assigned.Distinct().Count());
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (result.ColumnOfRow[i] >= 0)
            {
                total += cost[i, result.ColumnOfRow[i]];
            }
        }

        Assert.Equal(total, result.Cost, 9);
    }

    /// <summary>Every injective map from the shorter side into the longer.</summary>
    private static double BruteForce(double[,] cost)
    {
        var n = cost.GetLength(0);
        var m = cost.GetLength(1);
        var transpose = n > m;
        var rows = transpose ? m : n;
        var columns = transpose ? n : m;
        double At(int r, int c) => transpose ? cost[c, r] : cost[r, c];
        var used = new bool[columns];
        var best = double.PositiveInfinity;
        void Walk(int r, double sum)
        {
            if (r == rows)
            {
                best = Math.Min(best, sum);
                return;
            }

            for (var c = 0; c < columns; c++)
            {
                if (!used[c])
                {
                    used[c] = true;
                    Walk(r + 1, sum + At(r, c));
                    used[c] = false;
                }
            }
        }

        Walk(0, 0);
        return best;
    }
}
