using EdgeMoE.Reports.Charts;

namespace EdgeMoE.Reports;

/// <summary>What <see cref="RunReport.Write"/> wrote.</summary>
/// <param name="Page">Path of report.html.</param>
/// <param name="Charts">The charts, in page order.</param>
public sealed record ReportOutcome(string Page, IReadOnlyList<Chart> Charts);
