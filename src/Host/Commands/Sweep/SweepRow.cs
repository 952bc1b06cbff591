using System.Text.Json;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>
/// One (point, policy) of a sweep, as read back from the point's summary.json. A Stable-MoE summary gives a row per
/// policy; any other scenario's gives a row per object of numbers in its summary, named by its path (e.g.
/// <c>schemes/top-2</c>, <c>runs/3 moe</c> (with the object's string fields), or <c>summary</c> for the top level's own numbers).
/// </summary>
/// <param name="Point">The point.</param>
/// <param name="Seed">The run's seed, from summary.json (or the run's settings when the summary has none).</param>
/// <param name="Policy">Policy name, or the path of the summary's object.</param>
/// <param name="Figures">The policy's numeric summary fields, in file order, as (name, JSON number text).</param>
internal sealed record SweepRow(SweepPoint Point, long Seed, string Policy, IReadOnlyList<KeyValuePair<string, string>> Figures)
{
    /// <summary>The policy whose throughput every row is compared with, when the run has it.</summary>
    public const string ReferencePolicy = "stable-moe";

    /// <summary>The summary field the throughput ratio divides.</summary>
    public const string ThroughputField = "cumulative_throughput";

    /// <summary>A figure as a number, or null when the summary lacks it.</summary>
    public double? Figure(string name) =>
        Figures.FirstOrDefault(f => f.Key == name).Value is { } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The rows of one finished point, in the order of its summary.json's policies.</summary>
    /// <exception cref="BadInputException">The file is missing or not a run summary.</exception>
    public static IReadOnlyList<SweepRow> Read(SweepPoint point, string summaryPath, long runSeed)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
            var root = json.RootElement;
            var seed = root.TryGetProperty("seed", out var given) && given.ValueKind == JsonValueKind.Number ? given.GetInt64() : runSeed;
            if (!root.TryGetProperty("policies", out _))
            {
                var rows = new List<SweepRow>();
                Collect(point, seed, root, "", rows);
                return rows;
            }

            return [.. root.GetProperty("policies").EnumerateObject().Select(policy => new SweepRow(
                point, seed, policy.Name,
                [.. policy.Value.EnumerateObject()
                    .Where(f => f.Value.ValueKind == JsonValueKind.Number)
                    .Select(f => KeyValuePair.Create(f.Name, f.Value.GetRawText()))]))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new BadInputException($"{summaryPath}: not a run summary ({e.Message})", e);
        }
    }

    /// <summary>A row for <paramref name="element"/> when it has numbers of its own, then one for each object inside it.</summary>
    private static void Collect(SweepPoint point, long seed, JsonElement element, string path, List<SweepRow> rows)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Collect(point, seed, item, $"{path}/{index++}", rows);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var numbers = element.EnumerateObject()
            .Where(f => f.Value.ValueKind == JsonValueKind.Number && !(path.Length == 0 && f.Name == "seed"))
            .Select(f => KeyValuePair.Create(f.Name, f.Value.GetRawText()))
            .ToList();
        if (numbers.Count > 0)
        {
            // The object's own words (e.g. "method": "moe") say which entry it is; they follow its path.
            var words = element.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String).Select(f => f.Value.GetString());
            var label = string.Join(' ', [path.Length == 0 ? "summary" : path, .. words]);
            rows.Add(new SweepRow(point, seed, label, numbers));
        }

        foreach (var field in element.EnumerateObject().Where(f => f.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            Collect(point, seed, field.Value, path.Length == 0 ? field.Name : $"{path}/{field.Name}", rows);
        }
    }

    /// <summary>The reference policy's throughput over this row's, or null when either is missing or this one is 0.</summary>
    public static double? ThroughputRatio(SweepRow row, IReadOnlyList<SweepRow> samePoint)
    {
        var reference = samePoint.FirstOrDefault(r => r.Policy == ReferencePolicy)?.Figure(ThroughputField);
        var own = row.Figure(ThroughputField);
        return reference is { } r && own is { } o && o != 0 ? r / o : null;
    }
}
