using EdgeMoE.Policies.Jesa.Selection;

namespace EdgeMoE.Policies.Tests.Jesa;

/// <summary>Oracle for DES: every subset of at most D experts.</summary>
internal static class BruteForceSelection
{
    /// <summary>(feasible, min energy) when some subset meets the threshold; else (false, energy of the max-score subsets' cheapest, max score).</summary>
    public static (bool Feasible, double Energy, double BestScore) Solve(double[] scores, double[] energies, double threshold, int maxExperts)
    {
        var k = scores.Length;
        var feasible = false;
        var bestEnergy = double.PositiveInfinity;
        var bestScore = double.NegativeInfinity;
        var energyAtBestScore = double.PositiveInfinity;
        for (var mask = 0; mask < 1 << k; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) > maxExperts)
            {
                continue;
            }

            double energy = 0, score = 0;
            for (var j = 0; j < k; j++)
            {
                if ((mask & (1 << j)) != 0)
                {
                    energy += energies[j];
                    score += scores[j];
                }
            }

            if (SelectionThreshold.IsMet(score, threshold))
            {
                feasible = true;
                bestEnergy = Math.Min(bestEnergy, energy);
            }

            if (score > bestScore + 1e-12)
            {
                bestScore = score;
                energyAtBestScore = energy;
            }
            else if (Math.Abs(score - bestScore) <= 1e-12)
            {
                energyAtBestScore = Math.Min(energyAtBestScore, energy);
            }
        }

        return feasible ? (true, bestEnergy, bestScore) : (false, energyAtBestScore, bestScore);
    }
}
