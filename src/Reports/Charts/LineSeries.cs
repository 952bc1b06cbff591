using ScottPlot;

namespace EdgeMoE.Reports.Charts;

/// <summary>
/// The report's line series: one look for every chart, markers only while points are few enough to read. Lines are
/// solid: Skia's SVG writer drops dash patterns (and says so on stderr), so a dashed PNG line would be solid in the SVG.
/// </summary>
public static class LineSeries
{
    /// <summary>Adds a labelled line through (xs, ys).</summary>
    public static ScottPlot.Plottables.Scatter Add(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label)
    {
        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = xs.Count <= 40 ? 6 : 0;
        return line;
    }

    /// <summary>A name safe in a file name: lower-case letters, digits and dashes.</summary>
    public static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "x" : slug;
    }
}
