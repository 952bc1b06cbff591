using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>The scenario's files (summary.json, routing.json) and its stdout table.</summary>
internal static class ChannelAwareReport
{
    /// <summary>summary.json: one object per (mode, experts, snr_db) under <c>results</c>, accuracies as fractions.</summary>
    public static void WriteSummary(string path, string dataset, int seed, IReadOnlyList<ChannelAwareResult> results)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scenario", "channel-aware");
        json.WriteString("dataset", dataset);
        json.WriteNumber("seed", seed);
        json.WriteStartArray("results");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("mode", r.Mode);
            json.WriteNumber("experts", r.Experts);
            json.WriteNumber("snr_db", r.SnrDb);
            json.WriteNumber("naive_accuracy", r.Naive);
            json.WriteNumber("aware_accuracy", r.Aware);
            json.WriteNumber("ideal_accuracy", r.Ideal);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("mean_gain_points");
        foreach (var group in results.GroupBy(r => (r.Mode, r.Experts)))
        {
            json.WriteStartObject();
            json.WriteString("mode", group.Key.Mode);
            json.WriteNumber("experts", group.Key.Experts);
            json.WriteNumber("gain", 100 * group.Average(r => r.Aware - r.Naive));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>routing.json: how many test samples each gate sent to each expert, per (mode, experts, snr_db).</summary>
    public static void WriteRouting(string path, IReadOnlyList<ChannelAwareResult> results)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("routing");
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("mode", r.Mode);
            json.WriteNumber("experts", r.Experts);
            json.WriteNumber("snr_db", r.SnrDb);
            Counts(json, "naive_chosen", r.NaiveChosen);
            Counts(json, "aware_chosen", r.AwareChosen);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The results table: one row per point, accuracies in percent and the gain in points.</summary>
    public static string Table(IReadOnlyList<ChannelAwareResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"mode",-8} {"K",3} {"SNR dB",7} {"naive %",8} {"aware %",8} {"ideal %",8} {"gain",6}");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{r.Mode,-8} {r.Experts,3} {r.SnrDb,7:0.#} {100 * r.Naive,8:0.00} {100 * r.Aware,8:0.00} {100 * r.Ideal,8:0.00} {100 * (r.Aware - r.Naive),6:+0.00;-0.00}");
        }

        text.AppendLine();
        foreach (var group in results.GroupBy(r => (r.Mode, r.Experts)))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"mean gain {group.Key.Mode} K={group.Key.Experts}: {100 * group.Average(r => r.Aware - r.Naive):+0.00;-0.00} points");
        }

        return text.ToString();
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyList<int> counts)
    {
        json.WriteStartArray(name);
        foreach (var c in counts)
        {
            json.WriteNumberValue(c);
        }

        json.WriteEndArray();
    }
}
