using EdgeMoE.Models.Data.Regression;

namespace EdgeMoE.Models.Moe.Continual;

/// <summary>A <see cref="LinearExpert"/> whose error on cluster n is ‖w − w_n‖², judged against the ground truths.</summary>
public sealed class ScoredLinearExpert : IContinualExpert<RegressionTask>
{
    private readonly LinearExpert _expert;
    private readonly double[][] _groundTruths;

    /// <summary>A zero model judged against <paramref name="groundTruths"/> (N vectors of d values).</summary>
    public ScoredLinearExpert(IReadOnlyList<double[]> groundTruths)
    {
        ArgumentNullException.ThrowIfNull(groundTruths);
        ArgumentOutOfRangeException.ThrowIfZero(groundTruths.Count);
        _groundTruths = [.. groundTruths.Select(w => (double[])w.Clone())];
        _expert = new LinearExpert(_groundTruths[0].Length);
    }

    /// <summary>The current weights.</summary>
    public ReadOnlySpan<double> Weights => _expert.Weights;

    /// <inheritdoc />
    public double Fit(RegressionTask data) => _expert.Fit(data);

    /// <inheritdoc />
    public double ChangeToFit(RegressionTask data) => _expert.ChangeToFit(data);

    /// <inheritdoc />
    public double[] ErrorByCluster()
    {
        var w = _expert.Weights;
        var errors = new double[_groundTruths.Length];
        for (var n = 0; n < errors.Length; n++)
        {
            var truth = _groundTruths[n];
            var sum = 0.0;
            for (var i = 0; i < truth.Length; i++)
            {
                var diff = w[i] - truth[i];
                sum += diff * diff;
            }

            errors[n] = sum;
        }

        return errors;
    }

    /// <inheritdoc />
    public ContinualExpertState Save() => new(_expert.Weights.ToArray(), [_expert.TasksFitted], []);

    /// <inheritdoc />
    public void Restore(ContinualExpertState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Counters.Length != 1)
        {
            throw new ArgumentException($"a linear expert's state has one counter, not {state.Counters.Length}", nameof(state));
        }

        _expert.Restore(state.Values, checked((int)state.Counters[0]));
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
