namespace EdgeMoE.Policies.Jesa;

/// <summary>One round of joint expert and subcarrier allocation (problem P2).</summary>
/// <param name="Network">Rates, powers and compute energies.</param>
/// <param name="Scores">g_j(u_i^(n)) as [i][n][j]: for each source expert i, its N_i hidden states, K scores each (≥ 0).</param>
/// <param name="Threshold">zγ^(l), the QoS threshold on the selected scores of every hidden state (C1).</param>
/// <param name="MaxExperts">D ≥ 1, the most experts per hidden state (C2).</param>
public sealed record JesaProblem(JesaNetwork Network, double[][][] Scores, double Threshold, int MaxExperts)
{
    /// <summary>The directed links i → j (i ≠ j) that may carry hidden states: those leaving experts that hold some.</summary>
    public IReadOnlyList<int> CandidateLinks()
    {
        var k = Network.Experts;
        var links = new List<int>(k * (k - 1));
        for (var i = 0; i < k; i++)
        {
            if (Scores[i].Length == 0)
            {
                continue;
            }

            for (var j = 0; j < k; j++)
            {
                if (j != i)
                {
                    links.Add((i * k) + j);
                }
            }
        }

        return links;
    }

    /// <summary>Checks shapes and ranges of the whole problem.</summary>
    /// <exception cref="ArgumentException">With the offending field named.</exception>
    public void Validate()
    {
        Network.Validate();
        var k = Network.Experts;
        if (Scores.Length != k)
        {
            throw new ArgumentException($"Scores needs one list of hidden states per expert (K = {k}), got {Scores.Length}.", nameof(Scores));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxExperts, 1, nameof(MaxExperts));
        if (!double.IsFinite(Threshold))
        {
            throw new ArgumentException($"Threshold must be finite, got {Threshold}.", nameof(Threshold));
        }

        for (var i = 0; i < k; i++)
        {
            for (var n = 0; n < Scores[i].Length; n++)
            {
                var g = Scores[i][n];
                if (g.Length != k)
                {
                    throw new ArgumentException($"Scores[{i}][{n}] needs K = {k} scores, got {g.Length}.", nameof(Scores));
                }

                for (var j = 0; j < k; j++)
                {
                    if (!(g[j] >= 0) || !double.IsFinite(g[j]))
                    {
                        throw new ArgumentException($"Scores[{i}][{n}][{j}] must be finite and ≥ 0, got {g[j]}.", nameof(Scores));
                    }
                }
            }
        }

        var links = CandidateLinks().Count;
        if (Network.Subcarriers < links)
        {
            throw new InsufficientSubcarriersException(Network.Subcarriers, links);
        }
    }
}
