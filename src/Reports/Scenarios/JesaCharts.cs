using System.Text.Json;
using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;
using ScottPlot;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>JESA: energy per token at each layer per scheme (layers.csv, the paper's Fig. 7) and accuracy against energy relative to Top-2 (summary.json, Fig. 10).</summary>
public sealed class JesaCharts : IChartSet
{
    /// <inheritdoc />
    public bool Applies(RunFolder folder) => !folder.IsSweep && folder.Scenario == "jesa";

    /// <inheritdoc />
    public void Draw(RunFolder folder, ChartWriter writer)
    {
        var layers = folder.File("layers.csv");
        if (File.Exists(layers))
        {
            EnergyPerLayer(writer, CsvTable.Read(layers, "scheme", "layer", "energy_j_per_token"));
        }

        if (folder.Summary is { } summary && summary.TryGetProperty("schemes", out var schemes) && schemes.ValueKind == JsonValueKind.Object)
        {
            AccuracyAgainstEnergy(writer, folder.File("summary.json"), schemes);
        }
    }

    private static void EnergyPerLayer(ChartWriter writer, CsvTable table)
    {
        var plot = ChartWriter.NewPlot("Energy per token per layer", "layer", "energy per token (mJ)");
        foreach (var scheme in table.Rows.GroupBy(r => r.Text("scheme")))
        {
            var rows = scheme.OrderBy(r => r.Number("layer")).ToList();
            LineSeries.Add(plot, [.. rows.Select(r => r.Number("layer"))], [.. rows.Select(r => 1e3 * r.Number("energy_j_per_token"))], scheme.Key);
        }

        ChartWriter.WholeTicks(plot);
        ChartWriter.Legend(plot);
        writer.Save(plot, new Chart(
            "jesa-energy-per-layer", "Energy per token per layer",
            "Communication plus computation energy per token at each MoE layer, per scheme (paper Fig. 7)."));
    }

    private static void AccuracyAgainstEnergy(ChartWriter writer, string path, JsonElement schemes)
    {
        var points = new List<(string Scheme, double Energy, double Accuracy)>();
        foreach (var scheme in schemes.EnumerateObject())
        {
            if (scheme.Value.ValueKind != JsonValueKind.Object)
            {
                throw new ReportInputException($"{path}: schemes.{scheme.Name} is not an object");
            }

            if (scheme.Value.TryGetProperty("relative_energy", out var energy) && scheme.Value.TryGetProperty("accuracy", out var accuracy))
            {
                points.Add((scheme.Name, Number(path, scheme.Name, "relative_energy", energy), Number(path, scheme.Name, "accuracy", accuracy)));
            }
        }

        if (points.Count == 0)
        {
            return; // no Top-2 among the schemes, so no relative energy
        }

        var plot = ChartWriter.NewPlot("Accuracy against relative energy", "energy per token / Top-2's", "test accuracy (%)");
        foreach (var (scheme, energy, accuracy) in points)
        {
            var marker = plot.Add.Scatter(new[] { energy }, new[] { 100 * accuracy });
            marker.LegendText = scheme;
            marker.MarkerSize = 11;
            marker.LineWidth = 0;
        }

        ChartWriter.Legend(plot);
        writer.Save(plot, new Chart(
            "jesa-accuracy-energy", "Accuracy against relative energy",
            "Test accuracy of each scheme against its energy per token relative to Top-2 (paper Fig. 10)."));
    }

    private static double Number(string path, string scheme, string field, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new ReportInputException($"{path}: schemes.{scheme}.{field} is {value.ValueKind}, expected a number");
}
