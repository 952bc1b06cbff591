using System.Globalization;
using System.Text.Json;
using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Html;

/// <summary>
/// The report's summary: a run's summary.json as facts (its top-level words) and one table per group of sibling
/// objects of numbers (the run itself, <c>policies</c>, <c>schemes</c>, <c>results</c>, ...), or a sweep's sweep.csv.
/// </summary>
/// <param name="Facts">Top-level (name, value) pairs that are words, and the seed.</param>
/// <param name="Sections">The tables, in file order.</param>
public sealed record SummaryTable(IReadOnlyList<KeyValuePair<string, string>> Facts, IReadOnlyList<SummarySection> Sections)
{
    /// <summary>The section with the most rows (the first of equals): the table the page gives the id <c>summary</c>.</summary>
    public SummarySection? Main => Sections.Count == 0 ? null : Sections.MaxBy(s => s.Rows.Count);

    /// <summary>The summary of <paramref name="folder"/>.</summary>
    /// <exception cref="ReportInputException">sweep.csv is malformed.</exception>
    public static SummaryTable Of(RunFolder folder)
    {
        if (folder.IsSweep)
        {
            var sweep = CsvTable.Read(folder.File(RunFolder.SweepFile), "point", "seed", "policy");
            return new SummaryTable([], [new SummarySection(RunFolder.SweepFile, sweep.Header, [.. sweep.Rows.Select(r => (IReadOnlyList<string>)[.. r.Cells.Select(Shorten)])])]);
        }

        var root = folder.Summary ?? throw new InvalidOperationException("a run folder always has a summary");
        var facts = root.EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False
                || (p.Value.ValueKind == JsonValueKind.Number && p.Name == "seed"))
            .Select(p => KeyValuePair.Create(p.Name, p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.ToString()))
            .ToList();
        var rows = new List<Row>();
        Collect(root, "run", "run", rows);
        var sections = rows.GroupBy(r => r.Group).Select(group =>
        {
            var columns = group.SelectMany(r => r.Figures.Select(f => f.Key)).Distinct(StringComparer.Ordinal).ToList();
            return new SummarySection(
                group.Key,
                [group.Key, .. columns],
                [.. group.Select(r => (IReadOnlyList<string>)[r.Name, .. columns.Select(c => r.Figures.FirstOrDefault(f => f.Key == c).Value ?? "")])]);
        });
        return new SummaryTable(facts, [.. sections]);
    }

    /// <summary>A row for <paramref name="element"/> when it has numbers of its own, then the objects and arrays inside it.</summary>
    private static void Collect(JsonElement element, string group, string name, List<Row> rows)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, group, (index++).ToString(CultureInfo.InvariantCulture), rows);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var top = group == "run" && name == "run";
        var numbers = element.EnumerateObject()
            .Where(f => f.Value.ValueKind == JsonValueKind.Number && !(top && f.Name == "seed"))
            .Select(f => KeyValuePair.Create(f.Name, Shorten(f.Value.GetRawText())))
            .ToList();
        if (numbers.Count > 0)
        {
            // An array item's words (e.g. "mode": "analog") say which entry it is; the run's own words are facts.
            var words = top ? [] : element.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String).Select(f => f.Value.GetString()!).ToList();
            rows.Add(new Row(group, words.Count > 0 ? string.Join(' ', words) : name, numbers));
        }

        foreach (var field in element.EnumerateObject().Where(f => f.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            var path = top ? field.Name : $"{group}.{name}.{field.Name}";
            if (field.Value.ValueKind == JsonValueKind.Array)
            {
                Collect(field.Value, path, "", rows);
            }
            else if (field.Value.EnumerateObject().Any(f => f.Value.ValueKind == JsonValueKind.Number))
            {
                Collect(field.Value, path, field.Name, rows); // an object of numbers is a row of its own (e.g. load)
            }
            else
            {
                foreach (var child in field.Value.EnumerateObject())
                {
                    Collect(child.Value, path, child.Name, rows); // an object of objects: its children side by side (e.g. policies)
                }
            }
        }
    }

    /// <summary>A number to six significant digits for reading (the files keep every digit); other text unchanged.</summary>
    private static string Shorten(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && cell.Length > 8
            ? value.ToString("G6", CultureInfo.InvariantCulture)
            : cell;

    private sealed record Row(string Group, string Name, List<KeyValuePair<string, string>> Figures);
}
