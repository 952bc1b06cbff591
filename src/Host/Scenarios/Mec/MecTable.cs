using System.Globalization;
using System.Text;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>The stdout table: per method and M, the seeds' mean G_1 and G_T and how many runs converged.</summary>
public static class MecTable
{
    /// <summary>Renders the table, rows in sweep order.</summary>
    public static string Render(IReadOnlyList<MecRunSummary> runs, MecDerived derived)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"sigma0 error level {(derived.Sigma0ErrorLevel is { } level ? level.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}; minimum experts {derived.MinimumExperts} (longest busy {derived.LongestBusySteps} steps)");
        text.AppendLine("method         experts  mean G_1  mean G_T  G_T/G_1  converged  mean convergence step");
        foreach (var group in runs.GroupBy(r => (r.Key.Experts, r.Key.Method)))
        {
            var list = group.ToList();
            var initial = list.Average(r => r.InitialError);
            var final = list.Average(r => r.FinalError);
            var converged = list.Where(r => r.ConvergenceStep is not null).ToList();
            var step = converged.Count > 0 ? converged.Average(r => r.ConvergenceStep!.Value).ToString("0", CultureInfo.InvariantCulture) : "-";
            text.AppendLine(CultureInfo.InvariantCulture, $"{group.Key.Method,-14} {group.Key.Experts,7} {initial,9:0.000} {final,9:0.000} {final / initial,8:0.000} {converged.Count,5}/{list.Count,-4} {step,21}");
        }

        return text.ToString();
    }
}
