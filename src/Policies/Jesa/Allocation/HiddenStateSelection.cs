using EdgeMoE.Policies.Jesa.Selection;

namespace EdgeMoE.Policies.Jesa.Allocation;

/// <summary>The expert-selection step: DES for every hidden state given each link's rate (problem P1).</summary>
public static class HiddenStateSelection
{
    /// <summary>
    /// Selections [i][n] minimising Σ e_ij per hidden state, with e_ij from <paramref name="linkRate"/>(i, j).
    /// Also returns how many hidden states fell back to their Top-D.
    /// </summary>
    public static (int[][][] Selection, int Fallbacks) Solve(JesaProblem problem, Func<int, int, double> linkRate)
    {
        var network = problem.Network;
        var k = network.Experts;
        var des = new DynamicExpertSelection();
        var energies = new double[k];
        var selection = new int[k][][];
        var fallbacks = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                energies[j] = network.HiddenStateEnergy(i, j, i == j ? 0 : linkRate(i, j));
            }

            var states = problem.Scores[i];
            selection[i] = new int[states.Length][];
            for (var n = 0; n < states.Length; n++)
            {
                var result = des.Solve(states[n], energies, problem.Threshold, problem.MaxExperts);
                selection[i][n] = result.Selected;
                if (result.Status == DesStatus.TopDFallback)
                {
                    fallbacks++;
                }
            }
        }

        return (selection, fallbacks);
    }
}
