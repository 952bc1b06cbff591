using EdgeMoE.Policies.Jesa.Allocation;

namespace EdgeMoE.Policies.Jesa;

/// <summary>
/// JESA (paper Algorithm 2): block coordinate descent on P2, alternating the optimal expert selection (DES for
/// every hidden state, given the subcarriers) and the optimal subcarrier assignment (given the selections), from a
/// seeded random exclusive assignment, until neither changes. Each half-step is optimal for its block, so the
/// energy never increases (Proposition 2).
/// </summary>
public static class JesaSolver
{
    /// <summary>Default bound on the iterations; descent normally stops after two or three.</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <param name="problem">The round; validated here.</param>
    /// <param name="seed">Seed of the random initial assignment.</param>
    /// <param name="maxIterations">≥ 1; the descent stops there with <see cref="JesaSolution.Converged"/> false.</param>
    /// <exception cref="ArgumentException">Invalid problem, including <see cref="InsufficientSubcarriersException"/>.</exception>
    public static JesaSolution Solve(JesaProblem problem, int seed, int maxIterations = DefaultMaxIterations)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        problem.Validate();
        var network = problem.Network;
        var k = network.Experts;
        var candidates = problem.CandidateLinks();
        var subcarrierOf = RandomAssignment(network, candidates, new Random(seed));

        int[][][]? selection = null;
        var trace = new List<double>();
        var iterations = 0;
        var converged = false;
        var fallbacks = 0;
        int[] traffic = [];
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            var assigned = subcarrierOf;
            var (next, fallen) = HiddenStateSelection.Solve(problem, (i, j) => network.Rate(i, j, assigned[(i * k) + j]));
            traffic = RoundEnergy.Traffic(k, next);
            trace.Add(RoundEnergy.Total(network, traffic, subcarrierOf));

            var reassigned = SubcarrierAllocation.WithIdleLinks(network, traffic, candidates);
            trace.Add(RoundEnergy.Total(network, traffic, reassigned));

            converged = selection is not null && SameSelection(selection, next) && reassigned.AsSpan().SequenceEqual(subcarrierOf);
            selection = next;
            subcarrierOf = reassigned;
            fallbacks = fallen;
        }

        var (comm, comp) = RoundEnergy.Of(network, traffic, (i, j) => network.Rate(i, j, subcarrierOf[(i * k) + j]));
        return new JesaSolution(selection!, Report(k, traffic, subcarrierOf), comm, comp, iterations, converged, fallbacks, trace);
    }

    /// <summary>The links' subcarriers as [i][j], -1 on links without traffic (idle links keep none in the answer).</summary>
    internal static int[][] Report(int experts, int[] traffic, int[] subcarrierOf)
    {
        var rows = new int[experts][];
        for (var i = 0; i < experts; i++)
        {
            rows[i] = new int[experts];
            for (var j = 0; j < experts; j++)
            {
                var link = (i * experts) + j;
                rows[i][j] = i != j && traffic[link] > 0 ? subcarrierOf[link] : -1;
            }
        }

        return rows;
    }

    /// <summary>Distinct random subcarriers for all candidate links (Algorithm 2's Random Assign(M, K(K−1))).</summary>
    private static int[] RandomAssignment(JesaNetwork network, IReadOnlyList<int> candidates, Random random)
    {
        var pool = Enumerable.Range(0, network.Subcarriers).ToArray();
        var result = SubcarrierAllocation.Unassigned(network.Experts);
        for (var c = 0; c < candidates.Count; c++)
        {
            var pick = random.Next(c, pool.Length);
            (pool[c], pool[pick]) = (pool[pick], pool[c]);
            result[candidates[c]] = pool[c];
        }

        return result;
    }

    private static bool SameSelection(int[][][] a, int[][][] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            for (var n = 0; n < a[i].Length; n++)
            {
                if (!a[i][n].AsSpan().SequenceEqual(b[i][n]))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
