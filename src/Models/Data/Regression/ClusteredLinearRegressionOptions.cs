namespace EdgeMoE.Models.Data.Regression;

/// <summary>
/// Parameters of the clustered linear-regression tasks of the MoE-for-MEC paper (Li and Duan,
/// arXiv 2412.15690, Definition 1, after Li et al., "Theory on Mixture-of-Experts in Continual Learning").
/// Defaults follow its synthetic experiment (N = 10 clusters, σ0 = 0.6).
/// </summary>
public sealed record ClusteredLinearRegressionOptions
{
    /// <summary>Number of clusters N, i.e. of ground-truth models in the pool; ≥ 1.</summary>
    public int Clusters { get; init; } = 10;

    /// <summary>Feature dimension d; ≥ <see cref="Clusters"/> so that each cluster has its own feature signal e_n.</summary>
    public int Dimension { get; init; } = 20;

    /// <summary>Samples per task s_t; ≥ 1. Fewer than d makes each task over-parameterised, as in the paper.</summary>
    public int SamplesPerTask { get; init; } = 10;

    /// <summary>
    /// σ0 of the paper, in (0, 1): the spread of the ground truths around their common centre, so that
    /// ‖w_n − w_n'‖∞ ≤ 2σ0 while ‖w_n‖∞ ≤ 1 + σ0.
    /// </summary>
    public double Sigma0 { get; init; } = 0.6;

    /// <summary>σ_t of the paper, ≥ 0: standard deviation of the entries of the s_t − 1 pure-noise samples.</summary>
    public double FeatureNoise { get; init; } = 0.1;

    /// <summary>C of the paper, > 0: the signal sample is β_t·v_n with β_t uniform on (0, C].</summary>
    public double SignalScale { get; init; } = 1.0;

    /// <summary>
    /// Standard deviation of additive Gaussian noise on the outputs, ≥ 0. Definition 1 has none
    /// (y_t = X_t w_n exactly); a positive value models noisy labels.
    /// </summary>
    public double OutputNoise { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        Require(Clusters >= 1, nameof(Clusters), $"must be ≥ 1, got {Clusters}");
        Require(Dimension >= Clusters, nameof(Dimension), $"must be ≥ Clusters ({Clusters}) so every cluster has its own feature signal, got {Dimension}");
        Require(SamplesPerTask >= 1, nameof(SamplesPerTask), $"must be ≥ 1, got {SamplesPerTask}");
        Require(Sigma0 > 0 && Sigma0 < 1, nameof(Sigma0), $"must lie in (0, 1), got {Sigma0}");
        Require(FeatureNoise >= 0 && double.IsFinite(FeatureNoise), nameof(FeatureNoise), $"must be a finite value ≥ 0, got {FeatureNoise}");
        Require(SignalScale > 0 && double.IsFinite(SignalScale), nameof(SignalScale), $"must be a finite value > 0, got {SignalScale}");
        Require(OutputNoise >= 0 && double.IsFinite(OutputNoise), nameof(OutputNoise), $"must be a finite value ≥ 0, got {OutputNoise}");
    }

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field} {problem}.", field);
        }
    }
}
