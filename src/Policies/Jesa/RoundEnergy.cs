using EdgeMoE.Models.Compute;
using EdgeMoE.Models.Wireless;

namespace EdgeMoE.Policies.Jesa;

/// <summary>The energy of a round (objective of P2): eq. 3 on every link with traffic plus eq. 4 at every expert.</summary>
public static class RoundEnergy
{
    /// <summary>Hidden states sent over each link, s_ij / s0, row-major [i, j] (the diagonal counts in-situ ones).</summary>
    public static int[] Traffic(int experts, int[][][] selection)
    {
        var traffic = new int[experts * experts];
        for (var i = 0; i < selection.Length; i++)
        {
            foreach (var chosen in selection[i])
            {
                foreach (var j in chosen)
                {
                    traffic[(i * experts) + j]++;
                }
            }
        }

        return traffic;
    }

    /// <summary>(communication, computation) energy in joules, each link i ≠ j sending at <paramref name="linkRate"/>(i, j).</summary>
    public static (double Comm, double Comp) Of(JesaNetwork network, int[] traffic, Func<int, int, double> linkRate)
    {
        var k = network.Experts;
        double comm = 0, comp = 0;
        for (var j = 0; j < k; j++)
        {
            var computed = 0;
            for (var i = 0; i < k; i++)
            {
                var count = traffic[(i * k) + j];
                computed += count;
                if (i != j && count > 0)
                {
                    comm += Ofdma.CommunicationEnergy(network.HiddenStateBits * count, linkRate(i, j), 1, network.PowerW);
                }
            }

            comp += new JesaComputeEnergy(network.ComputeJoulesPerToken[j], 0).Of(computed);
        }

        return (comm, comp);
    }

    /// <summary>Total energy with each link on its subcarrier of <paramref name="subcarrierOfLink"/> (row-major [i, j]), J.</summary>
    public static double Total(JesaNetwork network, int[] traffic, int[] subcarrierOfLink)
    {
        var (comm, comp) = Of(network, traffic, (i, j) => network.Rate(i, j, subcarrierOfLink[(i * network.Experts) + j]));
        return comm + comp;
    }
}
