using System.Globalization;
using EdgeMoE.Host.Reports;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>The sweep's comparison table on stdout: a line per (point, policy) with the headline figures.</summary>
internal static class SweepTable
{
    private const int GenericFigures = 6;

    private static readonly string[] Header =
        ["point", "policy", "cum. throughput", "of arrivals", "test acc.", "mean Q", "Q growth", "mean E (J)", "stable-moe / policy"];

    public static string Render(IReadOnlyList<SweepRow> rows)
    {
        if (!rows.Any(r => r.Figure(SweepRow.ThroughputField) is not null))
        {
            return Generic(rows);
        }

        var table = new List<IReadOnlyList<string>>();
        foreach (var point in rows.GroupBy(r => r.Point.Index).Select(g => g.ToList()))
        {
            table.AddRange(point.Select(r => (IReadOnlyList<string>)
            [
                r.Point.Name,
                r.Policy,
                Number(r.Figure("cumulative_throughput"), "0"),
                Percent(r.Figure("processed_share"), "0.0"),
                Percent(r.Figure("test_accuracy"), "0.00"),
                Number(r.Figure("mean_token_queue"), "0.0"),
                Number(r.Figure("token_queue_growth_last_half"), "0.0000"),
                Number(r.Figure("mean_energy_j"), "0.000"),
                Number(SweepRow.ThroughputRatio(r, point), "0.000"),
            ]));
        }

        return TextTable.Render(Header, table);
    }

    /// <summary>Another scenario's rows: the point, the summary entry and its first figures as written.</summary>
    private static string Generic(IReadOnlyList<SweepRow> rows)
    {
        // The figures most entries have come first (ties in first-seen order), so the table shows what the rows share.
        var figures = rows.SelectMany(r => r.Figures.Select(f => f.Key)).Distinct(StringComparer.Ordinal)
            .Select((name, order) => (Name: name, Order: order, Count: rows.Count(r => r.Figure(name) is not null)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Order).Take(GenericFigures).Select(f => f.Name).ToArray();
        var table = rows.Select(r => (IReadOnlyList<string>)
            [r.Point.Name, r.Policy, .. figures.Select(f => r.Figures.FirstOrDefault(x => x.Key == f).Value ?? "-")]).ToList();
        return TextTable.Render(["point", "entry", .. figures], table);
    }

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? value, string format) => value is { } v ? (100 * v).ToString(format, CultureInfo.InvariantCulture) + " %" : "-";
}
