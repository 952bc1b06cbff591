using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;
using ScottPlot;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>
/// Stable-MoE (metrics.csv): cumulative throughput per policy (the paper's Fig. 3), total token and energy backlogs
/// (Fig. 2), test accuracy at the evaluation slots (Fig. 4), and per policy a heatmap of each server's frequency and energy.
/// </summary>
public sealed class StableMoeCharts : IChartSet
{
    /// <inheritdoc />
    public bool Applies(RunFolder folder) => !folder.IsSweep && folder.Scenario == "stable-moe";

    /// <inheritdoc />
    public void Draw(RunFolder folder, ChartWriter writer)
    {
        var path = folder.File(StableMoeSlots.FileName);
        if (!File.Exists(path))
        {
            return;
        }

        var metrics = StableMoeSlots.Read(path);
        var events = folder.Events;
        Lines(writer, metrics, events, s => s.CumulativeThroughput, new Chart(
            "stable-moe-cumulative-throughput", "Cumulative throughput",
            "Tokens processed from the first slot to each slot, per policy (paper Fig. 3)."), "tokens processed");
        Lines(writer, metrics, events, s => s.TotalTokenQueue, new Chart(
            "stable-moe-token-queues", "Total token backlog Σ Q",
            "Sum over servers of the token queue Q_j at the end of each slot (paper Fig. 2)."), "tokens queued");
        Lines(writer, metrics, events, s => s.TotalEnergyQueue, new Chart(
            "stable-moe-energy-queues", "Total energy backlog Σ Z",
            "Sum over servers of the virtual energy queue Z_j at the end of each slot (paper Fig. 2)."), "energy queue (J)");
        Accuracy(writer, metrics, events);
        foreach (var policy in metrics.Policies)
        {
            Heatmap(writer, metrics, events, policy, s => s.FrequencyHz.Select(f => f / 1e9).ToArray(), "frequency", "CPU frequency (GHz)");
            Heatmap(writer, metrics, events, policy, s => s.EnergyJ.ToArray(), "energy", "energy per slot (J)");
        }
    }

    private static void Lines(ChartWriter writer, StableMoeSlots metrics, IReadOnlyList<FailureEvent> events, Func<StableMoeSlot, double> value, Chart chart, string yLabel)
    {
        var plot = ChartWriter.NewPlot(chart.Title, "slot", yLabel);
        foreach (var policy in metrics.Policies)
        {
            var slots = metrics.Slots[policy];
            LineSeries.Add(plot, [.. slots.Select(s => (double)s.Slot)], [.. slots.Select(value)], policy);
        }

        FailureMarks.Add(plot, events);
        ChartWriter.WholeTicks(plot);
        ChartWriter.Legend(plot);
        writer.Save(plot, chart);
    }

    private static void Accuracy(ChartWriter writer, StableMoeSlots metrics, IReadOnlyList<FailureEvent> events)
    {
        var evaluated = metrics.Policies
            .Select(p => (Policy: p, Slots: metrics.Slots[p].Where(s => s.TestAccuracy is not null).ToList()))
            .Where(p => p.Slots.Count > 0)
            .ToList();
        if (evaluated.Count == 0)
        {
            return;
        }

        var plot = ChartWriter.NewPlot("Test accuracy", "slot", "test accuracy (%)");
        foreach (var (policy, slots) in evaluated)
        {
            LineSeries.Add(plot, [.. slots.Select(s => (double)s.Slot)], [.. slots.Select(s => 100 * s.TestAccuracy!.Value)], policy);
        }

        FailureMarks.Add(plot, events);
        ChartWriter.WholeTicks(plot);
        ChartWriter.Legend(plot);
        writer.Save(plot, new Chart(
            "stable-moe-test-accuracy", "Test accuracy",
            "Top-1 accuracy of the MoE on the test images at each evaluation slot, per policy (paper Fig. 4)."));
    }

    private static void Heatmap(
        ChartWriter writer, StableMoeSlots metrics, IReadOnlyList<FailureEvent> events, string policy,
        Func<StableMoeSlot, double[]> values, string what, string unit)
    {
        var slots = metrics.Slots[policy];
        var (first, last) = (slots[0].Slot, slots[^1].Slot);
        var cells = new double[metrics.Experts, last - first + 1];
        for (var r = 0; r < metrics.Experts; r++)
        {
            for (var c = 0; c < cells.GetLength(1); c++)
            {
                cells[r, c] = double.NaN; // a slot the file lacks stays blank
            }
        }

        foreach (var slot in slots)
        {
            var v = values(slot);
            for (var server = 0; server < metrics.Experts; server++)
            {
                cells[metrics.Experts - 1 - server, slot.Slot - first] = v[server]; // row 0 is drawn at the top
            }
        }

        var title = $"{char.ToUpperInvariant(what[0])}{what[1..]} per server: {policy}";
        var plot = ChartWriter.NewPlot(title, "slot", "server");
        var map = plot.Add.Heatmap(cells);
        map.Rectangle = new CoordinateRect(first - 0.5, last + 0.5, -0.5, metrics.Experts - 0.5);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        var bar = plot.Add.ColorBar(map);
        bar.Label = unit;
        bar.LabelStyle.FontName = Fonts.BundledFont.Family;
        bar.LabelStyle.FontSize = 14;
        bar.Axis.TickLabelStyle.FontSize = 12;
        FailureMarks.Add(plot, events, policy, offset: -0.5);
        if (events.Any(e => e.Policy == policy))
        {
            ChartWriter.Legend(plot);
            plot.ShowLegend(Edge.Bottom); // below the map: the colour bar holds the right side
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        ChartWriter.WholeTicks(plot);
        plot.Axes.SetLimits(first - 0.5, last + 0.5, -0.5, metrics.Experts - 0.5);
        writer.Save(plot, new Chart(
            $"stable-moe-{what}-{LineSeries.Slug(policy)}", title,
            $"{unit[..1].ToUpperInvariant()}{unit[1..]} of each expert server (rows) in each slot (columns) under {policy}."));
    }
}
