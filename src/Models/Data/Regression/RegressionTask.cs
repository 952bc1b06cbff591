namespace EdgeMoE.Models.Data.Regression;

/// <summary>
/// One linear-regression task (X_t, y_t) of the clustered task stream, with the cluster that generated it.
/// </summary>
/// <param name="Index">Position t of the task in its stream, from 0.</param>
/// <param name="Cluster">The ground truth n that generated it, in [0, N).</param>
/// <param name="Features">X_t as s_t rows of d features, row-major (s_t·d values).</param>
/// <param name="Targets">y_t, one output per row of <paramref name="Features"/>.</param>
/// <param name="Dimension">d, the number of features per sample.</param>
/// <param name="SignalSample">The row of <paramref name="Features"/> that holds the feature signal β_t·v_n.</param>
/// <param name="SignalScale">β_t, in (0, C].</param>
public sealed record RegressionTask(
    int Index,
    int Cluster,
    double[] Features,
    double[] Targets,
    int Dimension,
    int SignalSample,
    double SignalScale)
{
    /// <summary>s_t, the number of samples.</summary>
    public int SampleCount => Targets.Length;

    /// <summary>The d features of sample <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Sample(int row) => Features.AsSpan(row * Dimension, Dimension);
}
