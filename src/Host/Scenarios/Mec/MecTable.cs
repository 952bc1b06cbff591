using System.Globalization;
using System.Text;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>
/// The stdout table: per method and M, the seeds' mean G_1 and G_T, how many runs converged and their median step (a
/// run that never converged counts as later than any), and the step from which the seeds' mean curve stays converged.
/// </summary>
public static class MecTable
{
    /// <summary>Renders the table, rows in sweep order.</summary>
    public static string Render(IReadOnlyList<MecRunSummary> runs, IReadOnlyList<MecSeedMean> means, MecDerived derived)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"sigma0 error level {(derived.Sigma0ErrorLevel is { } level ? level.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}; minimum experts {derived.MinimumExperts} (longest busy {derived.LongestBusySteps} steps)");
        text.AppendLine("method         experts  mean G_1  mean G_T  G_T/G_1  converged  median step  mean curve converges");
        foreach (var mean in means)
        {
            var list = runs.Where(r => r.Key.Method == mean.Method && r.Key.Experts == mean.Experts).ToList();
            var converged = list.Count(r => r.ConvergenceStep is not null);
            var median = MedianStep(list);
            var curve = mean.ConvergenceStep?.ToString(CultureInfo.InvariantCulture) ?? "never";
            text.AppendLine(CultureInfo.InvariantCulture, $"{mean.Method,-14} {mean.Experts,7} {mean.InitialError,9:0.000} {mean.FinalError,9:0.000} {mean.FinalError / mean.InitialError,8:0.000} {converged,5}/{list.Count,-4} {median,11}  {curve,20}");
        }

        return text.ToString();
    }

    /// <summary>The median convergence step of the runs, a run that never converged ranking after every step; "never" when that is the median.</summary>
    private static string MedianStep(IReadOnlyList<MecRunSummary> runs)
    {
        var steps = runs.Select(r => r.ConvergenceStep ?? int.MaxValue).Order().ToList();
        if (steps.Count == 0)
        {
            return "-";
        }

        var middle = steps.Count / 2;
        if (steps.Count % 2 == 1)
        {
            return steps[middle] == int.MaxValue ? "never" : steps[middle].ToString(CultureInfo.InvariantCulture);
        }

        return steps[middle] == int.MaxValue
            ? "never"
            : ((steps[middle - 1] + (double)steps[middle]) / 2).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
