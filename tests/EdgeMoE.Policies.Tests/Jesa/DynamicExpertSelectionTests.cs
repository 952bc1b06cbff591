using EdgeMoE.Policies.Jesa.Selection;
using MathNet.Numerics.Distributions;

namespace EdgeMoE.Policies.Tests.Jesa;

public sealed class DynamicExpertSelectionTests
{
    [Fact]
    public void DES_equals_brute_force_on_2400_random_instances_with_feasible_and_infeasible_thresholds()
    {
        var random = new Random(20260101);
        var des = new DynamicExpertSelection();
        int feasible = 0, infeasible = 0;
        for (var trial = 0; trial < 2400; trial++)
        {
            var k = random.Next(1, 15);
            var d = random.Next(1, 6);
            var scores = Scores(random, k, trial);
            var energies = Energies(random, k, trial);
            // Thresholds from trivially met to unreachable (above the Top-D sum for small D).
            var threshold = random.NextDouble() * 1.1;
            var oracle = BruteForceSelection.Solve(scores, energies, threshold, d);
            var result = des.Solve(scores, energies, threshold, d);

            Assert.True(result.Selected.Length <= d);
            Assert.Equal(result.Selected.Sum(j => energies[j]), result.Energy, 12);
            if (oracle.Feasible)
            {
                feasible++;
                Assert.Equal(DesStatus.Optimal, result.Status);
                Assert.True(SelectionThreshold.IsMet(result.Score, threshold), $"trial {trial}: score {result.Score} < {threshold}");
                Assert.True(Math.Abs(oracle.Energy - result.Energy) <= 1e-12 * Math.Max(1, oracle.Energy), $"trial {trial}: DES {result.Energy} vs brute force {oracle.Energy}");
            }
            else
            {
                infeasible++;
                Assert.Equal(DesStatus.TopDFallback, result.Status);
                Assert.Equal(oracle.BestScore, result.Score, 12);
                Assert.Equal(oracle.Energy, result.Energy, 12);
            }
        }

        Assert.True(feasible > 1000 && infeasible > 200, $"{feasible} feasible, {infeasible} infeasible");
    }

    [Fact]
    public void Zero_energy_experts_and_zero_score_experts_are_handled()
    {
        // Expert 2 is free (its own node, e_jj = a_j = 0 here) and expert 3 has no relevance at all.
        double[] scores = [0.5, 0.3, 0.2, 0.0];
        double[] energies = [4, 1, 0, 0];
        var result = DynamicExpertSelection.Select(scores, energies, 0.5, 2);
        Assert.Equal([1, 2], result.Selected);
        Assert.Equal(1.0, result.Energy);
        Assert.Equal(DesStatus.Optimal, result.Status);
    }

    [Fact]
    public void An_unreachable_threshold_takes_the_top_D_and_says_so()
    {
        double[] scores = [0.1, 0.4, 0.3, 0.2];
        double[] energies = [1, 9, 5, 1];
        var result = DynamicExpertSelection.Select(scores, energies, 0.9, 2);
        Assert.Equal(DesStatus.TopDFallback, result.Status);
        Assert.Equal([1, 2], result.Selected);
        Assert.Equal(0.7, result.Score, 12);
        Assert.Equal(0, result.NodesExplored);
    }

    [Fact]
    public void A_threshold_of_zero_selects_nobody()
    {
        var result = DynamicExpertSelection.Select([0.6, 0.4], [1, 2], 0, 2);
        Assert.Empty(result.Selected);
        Assert.Equal(0, result.Energy);
    }

    [Fact]
    public void Equal_instances_give_equal_selections_whatever_the_ties()
    {
        double[] scores = [0.25, 0.25, 0.25, 0.25];
        double[] energies = [1, 1, 1, 1];
        var first = DynamicExpertSelection.Select(scores, energies, 0.5, 2);
        var second = DynamicExpertSelection.Select(scores, energies, 0.5, 2);
        Assert.Equal(first.Selected, second.Selected);
        Assert.Equal(2, first.Selected.Length);
    }

    [Fact]
    public void Large_instances_stay_exact_against_exhaustive_search_over_small_cardinality()
    {
        // K = 256, D = 2: exhaustive over all pairs is the oracle.
        var random = new Random(7);
        var des = new DynamicExpertSelection();
        for (var trial = 0; trial < 20; trial++)
        {
            const int k = 256;
            var scores = new Dirichlet(Enumerable.Repeat(0.3, k).ToArray(), random).Sample();
            var energies = Enumerable.Range(0, k).Select(_ => 1e-3 + (random.NextDouble() * 1e-2)).ToArray();
            var top2 = scores.OrderDescending().Take(2).Sum();
            var threshold = top2 * (0.3 + (0.6 * random.NextDouble()));
            var best = double.PositiveInfinity;
            for (var a = 0; a < k; a++)
            {
                if (SelectionThreshold.IsMet(scores[a], threshold))
                {
                    best = Math.Min(best, energies[a]);
                }

                for (var b = a + 1; b < k; b++)
                {
                    if (SelectionThreshold.IsMet(scores[a] + scores[b], threshold))
                    {
                        best = Math.Min(best, energies[a] + energies[b]);
                    }
                }
            }

            var result = des.Solve(scores, energies, threshold, 2);
            Assert.Equal(DesStatus.Optimal, result.Status);
            Assert.Equal(best, result.Energy, 15);
        }
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_the_field_named()
    {
        Assert.Contains("energies", Assert.Throws<ArgumentException>(() => DynamicExpertSelection.Select([0.5, 0.5], [1], 0.5, 1)).Message);
        Assert.Contains("scores[1]", Assert.Throws<ArgumentException>(() => DynamicExpertSelection.Select([0.5, -0.5], [1, 1], 0.5, 1)).Message);
    }

    private static double[] Scores(Random random, int k, int trial)
    {
        var scores = new Dirichlet(Enumerable.Repeat(trial % 3 == 0 ? 0.3 : 1.0, k).ToArray(), random).Sample();
        if (trial % 5 == 0)
        {
            scores[random.Next(k)] = 0;
        }

        return scores;
    }

    private static double[] Energies(Random random, int k, int trial)
    {
        var energies = Enumerable.Range(0, k).Select(_ => random.NextDouble()).ToArray();
        if (trial % 4 == 0)
        {
            energies[random.Next(k)] = 0;
        }

        if (trial % 7 == 0)
        {
            // Ties in energy and in ratio.
            energies[0] = energies[k - 1];
        }

        return energies;
    }
}
