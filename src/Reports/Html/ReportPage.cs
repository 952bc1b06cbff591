using System.Globalization;
using System.Net;
using System.Text;
using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Html;

/// <summary>
/// report.html: the charts (relative links to charts/*.png, SVG beside each), the summary table, the failure events and
/// the resolved configuration. Self-contained: no script, no network, no date; the same inputs give the same bytes.
/// </summary>
public static class ReportPage
{
    /// <summary>The page's file name in the run folder.</summary>
    public const string FileName = "report.html";

    /// <summary>The id of the summary table, which the browser test looks for.</summary>
    public const string SummaryId = "summary";

    private const string Style = """
        body { font-family: "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 960px; color: #222; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; font-size: 0.85em; } th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; } th { background: #f0f0f0; }
        figure { margin: 1.5em 0; } figcaption { color: #555; font-size: 0.9em; } img { max-width: 100%; height: auto; border: 1px solid #eee; }
        pre { background: #f7f7f7; padding: 1em; overflow-x: auto; font-size: 0.8em; } .scroll { overflow-x: auto; }
        """;

    /// <summary>Writes report.html into the folder.</summary>
    public static string Write(RunFolder folder, SummaryTable summary, IReadOnlyList<Chart> charts)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder.Path)));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>EdgeMoE report: {E(folder.Scenario)} ({E(name)})</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>EdgeMoE report: {E(folder.Scenario)}{(folder.IsSweep ? " sweep" : "")}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Folder <code>{E(name)}</code>. Charts: {charts.Count}. Failure events: {folder.Events.Count}.</p>\n");

        html.Append("<h2>Summary</h2>\n");
        if (summary.Facts.Count > 0)
        {
            html.Append("<p>");
            html.AppendJoin("; ", summary.Facts.Select(f => $"{E(f.Key)}: <b>{E(f.Value)}</b>"));
            html.Append("</p>\n");
        }

        foreach (var section in summary.Sections)
        {
            var id = section == summary.Main ? SummaryId : $"{SummaryId}-{Charts.LineSeries.Slug(section.Title)}";
            Table(html, id, section.Columns, section.Rows);
        }

        if (summary.Sections.Count == 0)
        {
            html.Append("<p>summary.json holds no numbers.</p>\n");
        }

        html.Append("<h2>Charts</h2>\n");
        if (charts.Count == 0)
        {
            html.Append("<p>No charts: the folder has none of the files the report draws for this scenario.</p>\n");
        }

        foreach (var chart in charts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{E(chart.Name)}\">\n<h3>{E(chart.Title)}</h3>\n");
            html.Append(CultureInfo.InvariantCulture,
                $"<img src=\"{E(chart.Png)}\" width=\"{ChartWriter.Width}\" height=\"{ChartWriter.Height}\" alt=\"{E(chart.Title)}\">\n");
            html.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(chart.Caption)} <a href=\"{E(chart.Svg)}\">SVG</a></figcaption>\n</figure>\n");
        }

        html.Append("<h2>Failure events</h2>\n");
        if (folder.Events.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>None ({FailureEvent.FileName} {(File.Exists(folder.File(FailureEvent.FileName)) ? "is empty" : "absent")}).</p>\n");
        }
        else
        {
            Table(html, "events", ["policy", "slot", "kind", "target", "detected at slot", "recovered at slot"], [.. folder.Events.Select(e => (IReadOnlyList<string>)
            [
                e.Policy, Slot(e.Slot), e.Kind, e.Target, e.DetectedSlot is { } d ? Slot(d) : "", e.RecoveredSlot is { } r ? Slot(r) : "never",
            ])]);
        }

        html.Append("<h2>Configuration</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Resolved configuration, <code>{E(Path.GetRelativePath(folder.Path, folder.ConfigPath).Replace('\\', '/'))}</code>:</p>\n");
        html.Append("<pre>").Append(E(folder.ConfigText)).Append("</pre>\n</body>\n</html>\n");

        var path = folder.File(FileName);
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static void Table(StringBuilder html, string id, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\"><table id=\"{E(id)}\">\n<thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(E(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private static string Slot(int slot) => slot.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
