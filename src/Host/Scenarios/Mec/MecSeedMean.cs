namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>
/// One method at one M, over its seeds: the mean G_t curve (what the report's charts draw and a paper's figure shows),
/// its start and end, and the step from which it stays below the convergence fraction of its start.
/// </summary>
/// <param name="Method">The method.</param>
/// <param name="Experts">M.</param>
/// <param name="Seeds">How many runs the mean is over.</param>
/// <param name="InitialError">The mean curve's G_1 (the seeds' mean G_1).</param>
/// <param name="FinalError">The mean curve's G_T (the seeds' mean G_T).</param>
/// <param name="ConvergenceStep">The first step from which the mean curve stays below the convergence fraction of its G_1, or null.</param>
public sealed record MecSeedMean(string Method, int Experts, int Seeds, double InitialError, double FinalError, int? ConvergenceStep)
{
    /// <summary>Groups the runs by (M, method) in sweep order and averages each group's G_t step by step.</summary>
    public static IReadOnlyList<MecSeedMean> Of(IReadOnlyList<MecRunKey> keys, IReadOnlyList<IReadOnlyList<double>> errors, double fraction)
    {
        var means = new List<MecSeedMean>();
        foreach (var group in keys.Select((key, run) => (key, run)).GroupBy(r => (r.key.Experts, r.key.Method)))
        {
            var runs = group.Select(r => errors[r.run]).ToList();
            var steps = runs.Min(r => r.Count);
            var curve = new double[steps];
            for (var t = 0; t < steps; t++)
            {
                var sum = 0.0;
                foreach (var run in runs)
                {
                    sum += run[t];
                }

                curve[t] = sum / runs.Count;
            }

            means.Add(new MecSeedMean(
                group.Key.Method, group.Key.Experts, runs.Count, steps > 0 ? curve[0] : 0, steps > 0 ? curve[^1] : 0, MecRunSummary.FirstConvergedStep(curve, fraction)));
        }

        return means;
    }
}
