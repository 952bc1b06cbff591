using System.Text;
using EdgeMoE.Reports.Fonts;
using ScottPlot;

namespace EdgeMoE.Reports.Charts;

/// <summary>Saves plots as fixed-size PNG and SVG files in a report's charts/ folder, the same bytes for the same plot.</summary>
public sealed class ChartWriter
{
    /// <summary>Width of every chart, pixels.</summary>
    public const int Width = 900;

    /// <summary>Height of every chart, pixels.</summary>
    public const int Height = 500;

    private readonly string _folder;
    private readonly List<Chart> _charts = [];

    /// <summary>Writes into <paramref name="reportFolder"/>/charts (created with the first chart).</summary>
    public ChartWriter(string reportFolder)
    {
        BundledFont.Register();
        _folder = Path.Combine(reportFolder, Chart.Folder);
    }

    /// <summary>The charts saved so far, in order.</summary>
    public IReadOnlyList<Chart> Charts => _charts;

    /// <summary>A new plot with the report's look: title, axis labels and the bundled font.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        BundledFont.Register();
        var plot = new Plot();
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Font.Set(BundledFont.Family);
        return plot;
    }

    /// <summary>Whole-number ticks on the horizontal axis (slots, layers).</summary>
    public static void WholeTicks(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Shows the legend beside the plot, on the right, where it never covers a point; in the bundled font.</summary>
    public static void Legend(Plot plot)
    {
        plot.Legend.SetBestFontOnEachRender = false; // it would pick a system font by the text's glyphs
        plot.Legend.FontName = BundledFont.Family;
        plot.Legend.FontSize = 13;
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>Saves <paramref name="plot"/> as name.png and name.svg and records the chart for the page.</summary>
    public Chart Save(Plot plot, Chart chart)
    {
        if (_charts.Any(c => c.Name == chart.Name))
        {
            throw new InvalidOperationException($"chart {chart.Name} saved twice");
        }

        plot.Font.Set(BundledFont.Family);
        Directory.CreateDirectory(_folder);
        plot.SavePng(Path.Combine(_folder, chart.Name + ".png"), Width, Height);
        var svg = plot.GetSvgXml(Width, Height);
        File.WriteAllText(Path.Combine(_folder, chart.Name + ".svg"), SvgClipIds.Renumber(svg), new UTF8Encoding(false));
        _charts.Add(chart);
        return chart;
    }
}
