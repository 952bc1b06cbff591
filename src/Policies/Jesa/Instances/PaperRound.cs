using MathNet.Numerics.Distributions;

namespace EdgeMoE.Policies.Jesa.Instances;

/// <summary>
/// Random rounds in the paper's setting (§VII-A2): B0 = 1 MHz, P0 = 10 mW, P0/N0 = 10 dB, s0 = 8 kB,
/// Rayleigh fading with mean power gain 10⁻² (exponential, i.i.d. over links and subcarriers),
/// a_j = j·10⁻³ J per hidden state (j from 1), gating scores drawn from a symmetric Dirichlet.
/// </summary>
public static class PaperRound
{
    /// <summary>B0, Hz.</summary>
    public const double SpacingHz = 1e6;

    /// <summary>P0, W.</summary>
    public const double PowerW = 1e-2;

    /// <summary>N0 for P0/N0 = 10 dB, W.</summary>
    public const double NoiseW = PowerW / 10;

    /// <summary>s0 = 8 kB, bits.</summary>
    public const double HiddenStateBits = 8 * 1024 * 8;

    /// <summary>Mean power gain (path loss).</summary>
    public const double MeanGain = 1e-2;

    /// <summary>Rayleigh power gains [i][j][m] from <paramref name="random"/>.</summary>
    public static double[][][] Gains(int experts, int subcarriers, Random random)
    {
        var fading = new Exponential(1 / MeanGain, random);
        return Enumerable.Range(0, experts)
            .Select(_ => Enumerable.Range(0, experts).Select(_ => Enumerable.Range(0, subcarriers).Select(_ => fading.Sample()).ToArray()).ToArray())
            .ToArray();
    }

    /// <summary>a_j = j·10⁻³ J per hidden state, j = 1..K.</summary>
    public static double[] ComputeEnergies(int experts) => Enumerable.Range(1, experts).Select(j => j * 1e-3).ToArray();

    /// <summary>The network of a random round.</summary>
    public static JesaNetwork Network(int experts, int subcarriers, Random random) =>
        JesaNetwork.FromGains(SpacingHz, PowerW, NoiseW, Gains(experts, subcarriers, random), HiddenStateBits, ComputeEnergies(experts));

    /// <summary>Scores [i][n][j] of <paramref name="hiddenStates"/> hidden states per expert, Dirichlet(<paramref name="concentration"/>).</summary>
    public static double[][][] Scores(int experts, int hiddenStates, double concentration, Random random)
    {
        var dirichlet = new Dirichlet(Enumerable.Repeat(concentration, experts).ToArray(), random);
        return Enumerable.Range(0, experts).Select(_ => Enumerable.Range(0, hiddenStates).Select(_ => dirichlet.Sample()).ToArray()).ToArray();
    }

    /// <summary>A whole random round from one seed.</summary>
    public static JesaProblem Problem(int experts, int subcarriers, int hiddenStates, double threshold, int maxExperts, int seed, double concentration = 1.0)
    {
        var random = new Random(seed);
        var network = Network(experts, subcarriers, random);
        return new JesaProblem(network, Scores(experts, hiddenStates, concentration, random), threshold, maxExperts);
    }
}
