using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>
/// Federated NMoE (rounds.csv): per data partition, the mean training loss of every federated process per round, the
/// test accuracy and macro-F1 of the processes that measure it per round, and how many clients each round averaged
/// (a dropped-out client shows as a dip); and from gating.csv, per gated method, which client's expert each client's
/// test samples went to.
/// </summary>
public sealed class NmoeCharts : IChartSet
{
    /// <inheritdoc />
    public bool Applies(RunFolder folder) => !folder.IsSweep && folder.Scenario == "nmoe";

    /// <inheritdoc />
    public void Draw(RunFolder folder, ChartWriter writer)
    {
        DrawRounds(folder, writer);
        DrawGating(folder, writer);
    }

    /// <summary>gating.csv: per partition and gated method, the share of each client's test samples each expert got (the paper's Fig. 3).</summary>
    private static void DrawGating(RunFolder folder, ChartWriter writer)
    {
        var path = folder.File("gating.csv");
        if (!File.Exists(path))
        {
            return;
        }

        var table = CsvTable.Read(path, "partition", "method", "client", "expert", "samples");
        foreach (var group in table.Rows.GroupBy(r => (Partition: r.Text("partition"), Method: r.Text("method"))))
        {
            var cells = group.Select(r => (Client: (int)r.Number("client"), Expert: (int)r.Number("expert"), Samples: r.Number("samples"))).ToList();
            var clients = cells.Max(c => c.Client) + 1;
            var experts = cells.Max(c => c.Expert) + 1;
            var shares = new double[clients, experts];
            foreach (var client in cells.GroupBy(c => c.Client))
            {
                var total = client.Sum(c => c.Samples);
                foreach (var c in client)
                {
                    // Row 0 is drawn at the top: client 0 goes to the last row so that clients read upwards like the axis.
                    shares[clients - 1 - c.Client, c.Expert] = total == 0 ? 0 : c.Samples / total;
                }
            }

            var title = $"Gating: {group.Key.Method}, {group.Key.Partition}";
            var plot = ChartWriter.NewPlot(title, "expert (client that owns it)", "client");
            var map = plot.Add.Heatmap(shares);
            map.Rectangle = new ScottPlot.CoordinateRect(-0.5, experts - 0.5, -0.5, clients - 0.5);
            map.Colormap = new ScottPlot.Colormaps.Viridis();
            map.ManualRange = new ScottPlot.Range(0, 1);
            var bar = plot.Add.ColorBar(map);
            bar.Label = "share of the client's test samples";
            bar.LabelStyle.FontName = Fonts.BundledFont.Family;
            bar.LabelStyle.FontSize = 14;
            bar.Axis.TickLabelStyle.FontSize = 12;
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            ChartWriter.WholeTicks(plot);
            plot.Axes.SetLimits(-0.5, experts - 0.5, -0.5, clients - 0.5);
            writer.Save(plot, new Chart(
                $"nmoe-gating-{LineSeries.Slug(group.Key.Method)}-{LineSeries.Slug(group.Key.Partition)}", title,
                $"Share of each client's test samples (rows) its gate sent to each client's expert (columns) under {group.Key.Method}, {group.Key.Partition} split; the diagonal is local processing."));
        }
    }

    private static void DrawRounds(RunFolder folder, ChartWriter writer)
    {
        var path = folder.File("rounds.csv");
        if (!File.Exists(path))
        {
            return;
        }

        var table = CsvTable.Read(path, "partition", "process", "round", "trained_count", "mean_loss", "accuracy", "f1");
        foreach (var partition in table.Rows.GroupBy(r => r.Text("partition")))
        {
            var slug = LineSeries.Slug(partition.Key);
            Draw(writer, partition, "mean_loss", $"Training loss per round, {partition.Key}", "mean training loss", $"nmoe-loss-{slug}",
                $"Mean local training loss of the clients averaged in each round, per federated process ({partition.Key} split).");
            Draw(writer, partition, "accuracy", $"Test accuracy per round, {partition.Key}", "accuracy", $"nmoe-accuracy-{slug}",
                $"Mean test accuracy of the clients' models after each round's local training ({partition.Key} split).");
            Draw(writer, partition, "f1", $"Macro-F1 per round, {partition.Key}", "macro-F1", $"nmoe-f1-{slug}",
                $"Mean macro-F1 of the clients' models after each round's local training ({partition.Key} split).");
            Draw(writer, partition, "trained_count", $"Clients averaged per round, {partition.Key}", "clients", $"nmoe-clients-{slug}",
                $"Clients that reported and were averaged in each round; the others dropped out or crashed ({partition.Key} split).");
        }
    }

    /// <summary>One line per process with a value in <paramref name="column"/>; no chart when no process has one.</summary>
    private static void Draw(ChartWriter writer, IEnumerable<CsvRow> rows, string column, string title, string yLabel, string name, string caption)
    {
        var processes = rows
            .GroupBy(r => r.Text("process"))
            .Select(p => (Process: p.Key, Points: p.Where(r => r.OptionalNumber(column) is not null).Select(r => (Round: r.Number("round"), Value: r.Number(column))).OrderBy(x => x.Round).ToList()))
            .Where(p => p.Points.Count > 0)
            .ToList();
        if (processes.Count == 0)
        {
            return;
        }

        var plot = ChartWriter.NewPlot(title, "round", yLabel);
        foreach (var (process, points) in processes)
        {
            LineSeries.Add(plot, [.. points.Select(p => p.Round)], [.. points.Select(p => p.Value)], process);
        }

        ChartWriter.WholeTicks(plot);
        ChartWriter.Legend(plot);
        writer.Save(plot, new Chart(name, title, caption));
    }
}
