namespace EdgeMoE.Reports.Html;

/// <summary>One table of the report's summary: objects of summary.json that sit side by side (e.g. the policies), or sweep.csv.</summary>
/// <param name="Title">Where the rows come from (a summary.json path such as <c>policies</c>, or <c>sweep.csv</c>).</param>
/// <param name="Columns">Header; the first column names the row.</param>
/// <param name="Rows">Cells, as many per row as there are columns ("" where a row lacks a figure).</param>
public sealed record SummarySection(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
