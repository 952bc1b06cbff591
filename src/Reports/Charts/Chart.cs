namespace EdgeMoE.Reports.Charts;

/// <summary>One chart of a report, saved as PNG and SVG under the report's charts/ folder.</summary>
/// <param name="Name">File stem, unique in the report (e.g. stable-moe-throughput).</param>
/// <param name="Title">Heading shown above it in report.html.</param>
/// <param name="Caption">One sentence on what it shows (units, the paper's figure).</param>
public sealed record Chart(string Name, string Title, string Caption)
{
    /// <summary>The folder of the chart files, relative to report.html.</summary>
    public const string Folder = "charts";

    /// <summary>The PNG, relative to report.html (forward slashes, for the page).</summary>
    public string Png => $"{Folder}/{Name}.png";

    /// <summary>The SVG, relative to report.html.</summary>
    public string Svg => $"{Folder}/{Name}.svg";
}
