using System.Globalization;

namespace EdgeMoE.Host.Reports;

/// <summary>The policies side by side, as a plain-text table (the last thing <c>edgemoe run</c> prints).</summary>
public static class ComparisonTable
{
    private static readonly string[] Header =
        ["policy", "cum. throughput", "of arrivals", "vs first", "test acc.", "mean Q", "mean Z (J)", "Q growth", "Z growth", "mean E (J)"];

    /// <summary>Renders the table; "vs first" is each policy's throughput over the first policy's.</summary>
    public static string Render(IReadOnlyList<PolicySummary> policies)
    {
        var first = policies.Count == 0 ? 0 : policies[0].CumulativeThroughput;
        var rows = policies.Select(p => new[]
        {
            p.Policy,
            p.CumulativeThroughput.ToString(CultureInfo.InvariantCulture),
            (100 * p.ProcessedShare).ToString("0.0", CultureInfo.InvariantCulture) + " %",
            first == 0 ? "-" : (p.CumulativeThroughput / (double)first).ToString("0.000", CultureInfo.InvariantCulture),
            (100 * p.TestAccuracy).ToString("0.00", CultureInfo.InvariantCulture) + " %",
            p.MeanTokenQueue.ToString("0.0", CultureInfo.InvariantCulture),
            p.MeanEnergyQueue.ToString("0.000", CultureInfo.InvariantCulture),
            p.TokenQueueGrowthLastHalf.ToString("0.0000", CultureInfo.InvariantCulture),
            p.EnergyQueueGrowthLastHalf.ToString("0.0000", CultureInfo.InvariantCulture),
            p.MeanEnergyJoules.ToString("0.000", CultureInfo.InvariantCulture),
        }).ToList<IReadOnlyList<string>>();
        return TextTable.Render(Header, rows);
    }
}
