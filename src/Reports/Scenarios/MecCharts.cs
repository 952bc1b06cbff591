using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Inputs;
using ScottPlot;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>MEC (errors.csv): the overall generalisation error G_t over tasks t, one chart per number of servers M, a line per method (mean over seeds).</summary>
public sealed class MecCharts : IChartSet
{
    /// <inheritdoc />
    public bool Applies(RunFolder folder) => !folder.IsSweep && folder.Scenario == "mec";

    /// <inheritdoc />
    public void Draw(RunFolder folder, ChartWriter writer)
    {
        var path = folder.File("errors.csv");
        if (!File.Exists(path))
        {
            return;
        }

        var table = CsvTable.Read(path, "method", "experts", "seed", "step", "error");
        var rows = table.Rows.Select(r => (Method: r.Text("method"), Experts: r.Number("experts"), Step: r.Number("step"), Error: r.Number("error"))).ToList();
        foreach (var experts in rows.GroupBy(r => r.Experts).OrderBy(g => g.Key))
        {
            var seeds = table.Rows.Where(r => r.Number("experts") == experts.Key).Select(r => r.Text("seed")).Distinct().Count();
            var plot = ChartWriter.NewPlot($"Generalisation error G_t, M = {experts.Key}", "task t", "G_t");
            foreach (var method in experts.GroupBy(r => r.Method))
            {
                var steps = method.GroupBy(r => r.Step).OrderBy(g => g.Key).ToList();
                LineSeries.Add(plot, [.. steps.Select(s => s.Key)], [.. steps.Select(s => s.Average(r => r.Error))], method.Key);
            }

            ChartWriter.Legend(plot);
            writer.Save(plot, new Chart(
                $"mec-error-m{experts.Key}", $"Generalisation error G_t, M = {experts.Key}",
                $"G_t over the tasks for M = {experts.Key} servers, per method, mean of {seeds} seed(s)."));
        }
    }
}
