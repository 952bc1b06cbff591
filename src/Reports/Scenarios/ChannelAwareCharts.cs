using System.Text.Json;
using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;
using ScottPlot;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>Channel-aware gating (summary.json <c>results</c>): accuracy against the links' mean SNR, naive and aware gates, one chart per link mode.</summary>
public sealed class ChannelAwareCharts : IChartSet
{
    /// <inheritdoc />
    public bool Applies(RunFolder folder) => !folder.IsSweep && folder.Scenario == "channel-aware";

    /// <inheritdoc />
    public void Draw(RunFolder folder, ChartWriter writer)
    {
        if (folder.Summary is not { } summary || !summary.TryGetProperty("results", out var results))
        {
            return;
        }

        var path = folder.File("summary.json");
        if (results.ValueKind != JsonValueKind.Array)
        {
            throw new ReportInputException($"{path}: results is {results.ValueKind}, expected an array");
        }

        var points = results.EnumerateArray().Select((r, i) => Point(path, i, r)).ToList();
        foreach (var mode in points.Select(p => p.Mode).Distinct())
        {
            var plot = ChartWriter.NewPlot($"Accuracy against SNR: {mode} links", "mean link SNR (dB)", "test accuracy (%)");
            foreach (var experts in points.Where(p => p.Mode == mode).GroupBy(p => p.Experts).OrderBy(g => g.Key))
            {
                var rows = experts.OrderBy(p => p.Snr).ToList();
                var xs = rows.Select(p => p.Snr).ToList();
                var naive = LineSeries.Add(plot, xs, [.. rows.Select(p => 100 * p.Naive)], $"naive K={experts.Key}");
                var aware = LineSeries.Add(plot, xs, [.. rows.Select(p => 100 * p.Aware)], $"aware K={experts.Key}");
                // One colour per K: naive thin with squares, aware thick with circles.
                aware.Color = naive.Color;
                naive.LineWidth = 1;
                naive.MarkerShape = MarkerShape.OpenSquare;
                aware.LineWidth = 3;
            }

            ChartWriter.Legend(plot);
            writer.Save(plot, new Chart(
                $"channel-aware-{LineSeries.Slug(mode)}", $"Accuracy against SNR: {mode} links",
                $"Top-1 test accuracy of the channel-blind (naive, thin) and channel-aware (thick) gates over {mode} feature links, per number of experts K."));
        }
    }

    private static (string Mode, double Experts, double Snr, double Naive, double Aware) Point(string path, int index, JsonElement result)
    {
        string Text(string field) => result.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new ReportInputException($"{path}: results[{index}].{field} is missing or not a string");
        double Number(string field) => result.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new ReportInputException($"{path}: results[{index}].{field} is missing or not a number");
        return (Text("mode"), Number("experts"), Number("snr_db"), Number("naive_accuracy"), Number("aware_accuracy"));
    }
}
