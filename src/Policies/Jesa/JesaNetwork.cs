using EdgeMoE.Models.Wireless;

namespace EdgeMoE.Policies.Jesa;

/// <summary>
/// The radio and compute side of a DMoE round (paper §II): K experts, M OFDMA subcarriers and the rate of every
/// directed link on every subcarrier.
/// </summary>
/// <param name="Experts">K ≥ 1.</param>
/// <param name="Subcarriers">M ≥ 0.</param>
/// <param name="Rates">r_ij^(m) in bit/s, row-major [i, j, m] (K·K·M entries); &gt; 0 for i ≠ j, the diagonal is unused.</param>
/// <param name="PowerW">P0, transmit power per subcarrier (W, &gt; 0).</param>
/// <param name="HiddenStateBits">s0, size of one hidden state (bits, &gt; 0).</param>
/// <param name="ComputeJoulesPerToken">a_j, computation energy per hidden state at expert j (J, ≥ 0), K entries.</param>
public sealed record JesaNetwork(int Experts, int Subcarriers, double[] Rates, double PowerW, double HiddenStateBits, double[] ComputeJoulesPerToken)
{
    /// <summary>Builds the rates from power gains with eq. 1, r = B0·log2(1 + H·P0/N0).</summary>
    /// <param name="spacingHz">B0, subcarrier spacing (Hz, &gt; 0).</param>
    /// <param name="powerW">P0 (W, &gt; 0).</param>
    /// <param name="noiseW">N0, noise power (W, &gt; 0).</param>
    /// <param name="gains">H_ij^(m) ≥ 0 as [i][j][m]; off-diagonal gains must be &gt; 0.</param>
    /// <param name="hiddenStateBits">s0 (bits).</param>
    /// <param name="computeJoulesPerToken">a_j (J per hidden state).</param>
    public static JesaNetwork FromGains(double spacingHz, double powerW, double noiseW, double[][][] gains, double hiddenStateBits, double[] computeJoulesPerToken)
    {
        ArgumentNullException.ThrowIfNull(gains);
        var k = gains.Length;
        var m = k == 0 ? 0 : gains[0][0].Length;
        var rates = new double[k * k * m];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                for (var s = 0; s < m; s++)
                {
                    rates[(((i * k) + j) * m) + s] = Ofdma.SubcarrierRate(spacingHz, gains[i][j][s], powerW, noiseW);
                }
            }
        }

        var network = new JesaNetwork(k, m, rates, powerW, hiddenStateBits, computeJoulesPerToken);
        network.Validate();
        return network;
    }

    /// <summary>r_ij^(m), bit/s.</summary>
    public double Rate(int from, int to, int subcarrier) => Rates[(((from * Experts) + to) * Subcarriers) + subcarrier];

    /// <summary>The rates of link i → j on all subcarriers.</summary>
    public ReadOnlySpan<double> LinkRates(int from, int to) => Rates.AsSpan(((from * Experts) + to) * Subcarriers, Subcarriers);

    /// <summary>
    /// e_ij: energy of sending one hidden state from expert i to j at rate R and computing it there,
    /// a_j + s0·P0/R (eq. 3 with one subcarrier), and a_j when i = j (in situ, no transmission), J.
    /// </summary>
    public double HiddenStateEnergy(int from, int to, double rate) =>
        ComputeJoulesPerToken[to] + (from == to ? 0 : Ofdma.CommunicationEnergy(HiddenStateBits, rate, 1, PowerW));

    /// <summary>Checks shapes and ranges.</summary>
    /// <exception cref="ArgumentException">With the offending field named.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Experts, 1, nameof(Experts));
        ArgumentOutOfRangeException.ThrowIfNegative(Subcarriers, nameof(Subcarriers));
        if (Rates.Length != Experts * Experts * Subcarriers)
        {
            throw new ArgumentException($"Rates needs K·K·M = {Experts * Experts * Subcarriers} entries, got {Rates.Length}.", nameof(Rates));
        }

        if (ComputeJoulesPerToken.Length != Experts)
        {
            throw new ArgumentException($"ComputeJoulesPerToken needs K = {Experts} entries, got {ComputeJoulesPerToken.Length}.", nameof(ComputeJoulesPerToken));
        }

        if (!(PowerW > 0) || !double.IsFinite(PowerW))
        {
            throw new ArgumentException($"PowerW must be finite and > 0, got {PowerW}.", nameof(PowerW));
        }

        if (!(HiddenStateBits > 0) || !double.IsFinite(HiddenStateBits))
        {
            throw new ArgumentException($"HiddenStateBits must be finite and > 0, got {HiddenStateBits}.", nameof(HiddenStateBits));
        }

        for (var j = 0; j < Experts; j++)
        {
            if (!(ComputeJoulesPerToken[j] >= 0) || !double.IsFinite(ComputeJoulesPerToken[j]))
            {
                throw new ArgumentException($"ComputeJoulesPerToken[{j}] must be finite and ≥ 0, got {ComputeJoulesPerToken[j]}.", nameof(ComputeJoulesPerToken));
            }
        }

        for (var i = 0; i < Experts; i++)
        {
            for (var j = 0; j < Experts; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var rates = LinkRates(i, j);
                for (var s = 0; s < rates.Length; s++)
                {
                    if (!(rates[s] > 0) || !double.IsFinite(rates[s]))
                    {
                        throw new ArgumentException($"The rate of link {i}→{j} on subcarrier {s} must be finite and > 0 (a positive gain), got {rates[s]}.", nameof(Rates));
                    }
                }
            }
        }
    }
}
