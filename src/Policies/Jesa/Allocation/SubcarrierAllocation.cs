using EdgeMoE.Models.Wireless;
using EdgeMoE.Policies.Assignment;

namespace EdgeMoE.Policies.Jesa.Allocation;

/// <summary>
/// Optimal subcarrier allocation given the selections (problem P3, Appendix B): one subcarrier per link at most
/// (eq. 16 shows more never lowers P0·s/R), each subcarrier on one link (C3), minimising Σ P0·s_ij / r_ij^(m) —
/// a rectangular linear assignment of links with traffic to subcarriers.
/// </summary>
public static class SubcarrierAllocation
{
    /// <summary>
    /// Subcarrier of every link with traffic (row-major [i, j], -1 elsewhere), minimising the communication energy.
    /// </summary>
    /// <param name="network">Rates and powers.</param>
    /// <param name="traffic">Hidden states per link, row-major [i, j].</param>
    /// <exception cref="InsufficientSubcarriersException">More links with traffic than subcarriers.</exception>
    public static int[] ForTraffic(JesaNetwork network, int[] traffic)
    {
        var result = Unassigned(network.Experts);
        var links = new List<int>();
        for (var link = 0; link < traffic.Length; link++)
        {
            if (traffic[link] > 0 && link / network.Experts != link % network.Experts)
            {
                links.Add(link);
            }
        }

        AssignLinks(network, links, traffic, Enumerable.Range(0, network.Subcarriers).ToArray(), result);
        return result;
    }

    /// <summary>
    /// As <see cref="ForTraffic"/>, then the idle candidate links get the remaining subcarriers that minimise their
    /// energy per hidden state. The idle links' subcarriers cost nothing now, but they let the next selection step
    /// see those links at a good rate instead of none (the paper assigns all K(K−1) links, idle ones arbitrarily).
    /// </summary>
    public static int[] WithIdleLinks(JesaNetwork network, int[] traffic, IReadOnlyList<int> candidateLinks)
    {
        var result = ForTraffic(network, traffic);
        var used = new bool[network.Subcarriers];
        foreach (var subcarrier in result)
        {
            if (subcarrier >= 0)
            {
                used[subcarrier] = true;
            }
        }

        var idle = candidateLinks.Where(link => result[link] < 0).ToList();
        var free = Enumerable.Range(0, network.Subcarriers).Where(s => !used[s]).ToArray();
        AssignLinks(network, idle, null, free, result);
        return result;
    }

    /// <summary>Every link at -1.</summary>
    public static int[] Unassigned(int experts)
    {
        var result = new int[experts * experts];
        Array.Fill(result, -1);
        return result;
    }

    /// <summary>Assigns <paramref name="links"/> to distinct <paramref name="subcarriers"/>, cost = energy of their traffic (1 hidden state when null).</summary>
    private static void AssignLinks(JesaNetwork network, List<int> links, int[]? traffic, int[] subcarriers, int[] result)
    {
        if (links.Count == 0)
        {
            return;
        }

        if (links.Count > subcarriers.Length)
        {
            throw new InsufficientSubcarriersException(subcarriers.Length, links.Count);
        }

        var k = network.Experts;
        var width = subcarriers.Length;
        var cost = new double[links.Count * width];
        for (var row = 0; row < links.Count; row++)
        {
            var link = links[row];
            var rates = network.LinkRates(link / k, link % k);
            var bits = network.HiddenStateBits * (traffic is null ? 1 : traffic[link]);
            var costs = cost.AsSpan(row * width, width);
            for (var c = 0; c < width; c++)
            {
                costs[c] = Ofdma.CommunicationEnergy(bits, rates[subcarriers[c]], 1, network.PowerW);
            }
        }

        var assignment = LinearAssignment.Solve(cost, links.Count, width);
        for (var row = 0; row < links.Count; row++)
        {
            result[links[row]] = subcarriers[assignment.ColumnOfRow[row]];
        }
    }
}
