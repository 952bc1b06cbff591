using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;
using ScottPlot;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>
/// A sweep (sweep.csv): Stable-MoE's throughput over each baseline's (<c>stable_moe_throughput_ratio</c>) against the
/// arrival rate λ and against V, the mean over seeds with ± one sample standard deviation as error bars.
/// </summary>
public sealed class SweepCharts : IChartSet
{
    /// <summary>The column of sweep.csv these charts draw.</summary>
    public const string RatioColumn = "stable_moe_throughput_ratio";

    private const string Reference = "stable-moe";

    private static readonly (string Column, string Label, string Title)[] Axes =
    [
        ("arrival-rate", "arrival rate λ (tokens per slot)", "λ"),
        ("v", "Lyapunov weight V", "V"),
    ];

    /// <inheritdoc />
    public bool Applies(RunFolder folder) => folder.IsSweep;

    /// <inheritdoc />
    public void Draw(RunFolder folder, ChartWriter writer)
    {
        var table = CsvTable.Read(folder.File(RunFolder.SweepFile), "point", "seed", "policy");
        if (!table.Has(RatioColumn))
        {
            return;
        }

        var swept = SweptColumns(table);
        foreach (var (column, label, title) in Axes.Where(a => swept.Contains(a.Column)))
        {
            var rows = table.Rows
                .Where(r => r.Text("policy") != Reference && r.OptionalNumber(RatioColumn) is not null)
                .Select(r => (Row: r, X: r.Number(column)))
                .ToList();
            if (rows.Select(r => r.X).Distinct().Count() < 2)
            {
                continue;
            }

            // Other swept settings split the series, so that no point mixes two of their values.
            var others = swept.Where(c => c != column && table.Rows.Select(r => r.Text(c)).Distinct().Count() > 1).ToList();
            var plot = ChartWriter.NewPlot($"Throughput ratio against {title}", label, "Stable-MoE throughput / baseline's");
            var policies = rows.Select(r => r.Row.Text("policy")).Distinct().ToList();
            var settings = rows.Select(r => SeriesName(r.Row, others)).Distinct().ToList();
            foreach (var series in rows.GroupBy(r => (Policy: r.Row.Text("policy"), Setting: SeriesName(r.Row, others))))
            {
                var points = series.GroupBy(r => r.X).OrderBy(g => g.Key)
                    .Select(g => (X: g.Key, Stats: MeanAndDeviation([.. g.Select(r => r.Row.Number(RatioColumn))])))
                    .ToList();
                var name = series.Key.Setting.Length == 0 ? series.Key.Policy : $"{series.Key.Policy} ({series.Key.Setting})";
                var line = LineSeries.Add(plot, [.. points.Select(p => p.X)], [.. points.Select(p => p.Stats.Mean)], name);
                // Colour by policy, marker by the other settings; set by hand, since error bars would take palette colours too.
                line.Color = Palette.GetColor(policies.IndexOf(series.Key.Policy));
                line.MarkerShape = Markers[settings.IndexOf(series.Key.Setting) % Markers.Length];
                line.MarkerSize = 8;
                var bars = plot.Add.ErrorBar([.. points.Select(p => p.X)], [.. points.Select(p => p.Stats.Mean)], [.. points.Select(p => p.Stats.Deviation)]);
                bars.Color = line.Color;
                bars.LineWidth = 1.5f;
            }

            plot.Add.HorizontalLine(1, 1, Colors.Gray); // parity: above it Stable-MoE processed more
            ChartWriter.Legend(plot);
            var seeds = table.Rows.Select(r => r.Text("seed")).Distinct().Count();
            writer.Save(plot, new Chart(
                $"sweep-ratio-vs-{LineSeries.Slug(column)}", $"Throughput ratio against {title}",
                $"Cumulative throughput of Stable-MoE divided by each baseline's, mean over {seeds} seed(s), error bars ± one standard deviation."));
        }
    }

    /// <summary>The --set columns of sweep.csv: those between <c>point</c> and <c>seed</c>.</summary>
    public static IReadOnlyList<string> SweptColumns(CsvTable table)
    {
        var (from, to) = (table.Column("point"), table.Column("seed"));
        return [.. table.Header.Skip(from + 1).Take(Math.Max(0, to - from - 1))];
    }

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.OpenSquare];

    /// <summary>The other swept settings of a row, e.g. <c>v=10</c> ("" when nothing else varies).</summary>
    private static string SeriesName(CsvRow row, IReadOnlyList<string> others) => string.Join(", ", others.Select(c => $"{c}={row.Text(c)}"));

    /// <summary>Mean and sample standard deviation (0 for one value).</summary>
    public static (double Mean, double Deviation) MeanAndDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        if (values.Count < 2)
        {
            return (mean, 0);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(variance));
    }
}
