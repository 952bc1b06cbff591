using EdgeMoE.Reports.Charts;
using EdgeMoE.Reports.Html;
using EdgeMoE.Reports.Inputs;
using EdgeMoE.Reports.Scenarios;

namespace EdgeMoE.Reports;

/// <summary>
/// Makes a run folder's report from its files alone: charts/*.png and *.svg for the scenario that wrote it, and
/// report.html. Independent of the emulation: any folder <c>edgemoe run</c> or <c>sweep</c> wrote can be reported later.
/// </summary>
public static class RunReport
{
    private static readonly IReadOnlyList<IChartSet> ChartSets =
        [new StableMoeCharts(), new SweepCharts(), new JesaCharts(), new ChannelAwareCharts(), new MecCharts(), new NmoeCharts()];

    /// <summary>Writes the report of <paramref name="folder"/>.</summary>
    /// <returns>The page's path and its charts.</returns>
    /// <exception cref="ReportInputException">A file the report reads is missing or malformed (the message names it).</exception>
    public static ReportOutcome Write(string folder)
    {
        var run = RunFolder.Open(folder);
        var summary = SummaryTable.Of(run);
        ClearCharts(folder);
        var writer = new ChartWriter(folder);
        foreach (var set in ChartSets.Where(s => s.Applies(run)))
        {
            set.Draw(run, writer);
        }

        return new ReportOutcome(ReportPage.Write(run, summary, writer.Charts), writer.Charts);
    }

    /// <summary>Removes the charts of an earlier report, so the folder holds only this one's.</summary>
    private static void ClearCharts(string folder)
    {
        var charts = Path.Combine(folder, Chart.Folder);
        if (!Directory.Exists(charts))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(charts).Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
    }
}
