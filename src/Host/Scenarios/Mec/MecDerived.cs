
namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>Levels derived from the settings alone, reported in summary.json.</summary>
/// <param name="Clusters">N, clusters (synthetic) or class subsets (Fashion-MNIST).</param>
/// <param name="Sigma0ErrorLevel">
/// The error floor of a model shared by clusters: the least mean squared distance one model can have to N ground truths
/// w_n = w̄ + σ0·ζ_n (ζ uniform on [−1, 1]^d), in expectation (N − 1)/N · d·σ0²/3. Synthetic family only (null otherwise).
/// </param>
/// <param name="LongestBusySteps">B, the most steps a server can be busy with one task.</param>
/// <param name="MinimumExperts">M = ⌈N·⌈B/N⌉·ln(1/δ)⌉ (<see cref="Policies.Mec.MinimumExperts"/>).</param>
public sealed record MecDerived(int Clusters, double? Sigma0ErrorLevel, int LongestBusySteps, int MinimumExperts)
{
    /// <summary>The derived levels of <paramref name="settings"/>.</summary>
    public static MecDerived Of(MecSettings settings)
    {
        var synthetic = settings.TaskFamily == MecSettings.Synthetic;
        var n = synthetic ? settings.Stream.Clusters : settings.Fashion.TaskGroups;
        var d = settings.Stream.Dimension;
        var sigma0 = settings.Stream.Sigma0;
        double? level = synthetic ? (n - 1.0) / n * d * sigma0 * sigma0 / 3.0 : null;
        var busy = settings.LongestBusySteps;
        return new MecDerived(n, level, busy, Policies.Mec.MinimumExperts.Of(n, busy, settings.Delta));
    }
}
