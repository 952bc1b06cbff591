using System.Text.Json;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>One (point, policy) of a sweep, as read back from the point's summary.json.</summary>
/// <param name="Point">The point.</param>
/// <param name="Seed">The run's seed, from summary.json.</param>
/// <param name="Policy">Policy name.</param>
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
    public static IReadOnlyList<SweepRow> Read(SweepPoint point, string summaryPath)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
            var root = json.RootElement;
            var seed = root.GetProperty("seed").GetInt64();
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

    /// <summary>The reference policy's throughput over this row's, or null when either is missing or this one is 0.</summary>
    public static double? ThroughputRatio(SweepRow row, IReadOnlyList<SweepRow> samePoint)
    {
        var reference = samePoint.FirstOrDefault(r => r.Policy == ReferencePolicy)?.Figure(ThroughputField);
        var own = row.Figure(ThroughputField);
        return reference is { } r && own is { } o && o != 0 ? r / o : null;
    }
}
