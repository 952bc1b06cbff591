using System.Globalization;
using System.Text.Json;
using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Html;

/// <summary>
/// The report's summary: a run's summary.json as facts (its top-level words) and a table with a row per object of
/// numbers (a policy, a scheme, a result), or a sweep's sweep.csv as it is.
/// </summary>
/// <param name="Facts">Top-level (name, value) pairs that are not numbers of a row.</param>
/// <param name="Columns">Header of the table; the first column names the row.</param>
/// <param name="Rows">Cells, as many per row as there are columns ("" where a row lacks a figure).</param>
public sealed record SummaryTable(
    IReadOnlyList<KeyValuePair<string, string>> Facts, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The summary of <paramref name="folder"/>.</summary>
    /// <exception cref="ReportInputException">sweep.csv is malformed.</exception>
    public static SummaryTable Of(RunFolder folder)
    {
        if (folder.IsSweep)
        {
            var sweep = CsvTable.Read(folder.File(RunFolder.SweepFile), "point", "seed", "policy");
            return new SummaryTable([], sweep.Header, [.. sweep.Rows.Select(r => (IReadOnlyList<string>)[.. r.Cells.Select(Shorten)])]);
        }

        var root = folder.Summary ?? throw new InvalidOperationException("a run folder always has a summary");
        var facts = root.EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False
                || (p.Value.ValueKind == JsonValueKind.Number && p.Name == "seed"))
            .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.ToString()))
            .ToList();
        var rows = new List<(string Name, List<KeyValuePair<string, string>> Figures)>();
        Collect(root, "", rows);
        var columns = rows.SelectMany(r => r.Figures.Select(f => f.Key)).Distinct(StringComparer.Ordinal).ToList();
        return new SummaryTable(
            facts,
            ["", .. columns],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Name, .. columns.Select(c => r.Figures.FirstOrDefault(f => f.Key == c).Value ?? "")])]);
    }

    /// <summary>A row for <paramref name="element"/> when it has numbers of its own, then one for each object or array inside it.</summary>
    private static void Collect(JsonElement element, string path, List<(string, List<KeyValuePair<string, string>>)> rows)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, $"{path}[{index++}]", rows);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var numbers = element.EnumerateObject()
            .Where(f => f.Value.ValueKind == JsonValueKind.Number && !(path.Length == 0 && f.Name == "seed"))
            .Select(f => KeyValuePair.Create(f.Name, Shorten(f.Value.GetRawText())))
            .ToList();
        if (numbers.Count > 0)
        {
            // An array item's words (e.g. "mode": "analog") say which entry it is.
            var words = element.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String).Select(f => f.Value.GetString());
            var name = string.Join(' ', new[] { path.Length == 0 ? "run" : path }.Concat(words));
            rows.Add((name, numbers));
        }

        foreach (var field in element.EnumerateObject().Where(f => f.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            Collect(field.Value, path.Length == 0 ? field.Name : $"{path}.{field.Name}", rows);
        }
    }

    /// <summary>A number to six significant digits for reading (the files keep every digit); other text unchanged.</summary>
    private static string Shorten(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && cell.Length > 8
            ? value.ToString("G6", CultureInfo.InvariantCulture)
            : cell;
}
