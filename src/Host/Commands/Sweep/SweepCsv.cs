using System.Text;
using EdgeMoE.Host.Reports;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>
/// <c>sweep.csv</c>: one row per (point, policy) in sweep order: point, one column per --set key, seed, policy, every
/// numeric figure of the points' summary.json (union, first-seen order) and <c>stable_moe_throughput_ratio</c>.
/// </summary>
internal static class SweepCsv
{
    public const string RatioColumn = "stable_moe_throughput_ratio";

    /// <summary>Writes the file; values of the --set keys appear as given, quoted for CSV where needed.</summary>
    public static void Write(string path, IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepRow> rows)
    {
        var figures = rows.SelectMany(r => r.Figures.Select(f => f.Key)).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append(string.Join(',', ["point", .. SweepPlan.Labels(axes), "seed", "policy", .. figures, RatioColumn])).Append('\n');
        foreach (var point in rows.GroupBy(r => r.Point.Index).Select(g => g.ToList()))
        {
            foreach (var row in point)
            {
                var cells = new List<string> { Quote(row.Point.Name) };
                cells.AddRange(row.Point.Values.Select(v => Quote(v.Value)));
                cells.Add(CsvNumbers.Format(row.Seed));
                cells.Add(Quote(row.Policy));
                cells.AddRange(figures.Select(f => row.Figures.FirstOrDefault(x => x.Key == f).Value ?? ""));
                cells.Add(CsvNumbers.Format(SweepRow.ThroughputRatio(row, point)));
                text.Append(string.Join(',', cells)).Append('\n');
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
