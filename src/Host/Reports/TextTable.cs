namespace EdgeMoE.Host.Reports;

/// <summary>Plain-text tables for stdout: the first column left-aligned, the others right-aligned, a dashed rule under the header.</summary>
public static class TextTable
{
    /// <summary>Renders <paramref name="header"/> and <paramref name="rows"/> (each as long as the header), one line each.</summary>
    public static string Render(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        var lines = new List<string> { Line(header, widths), string.Join("  ", widths.Select(w => new string('-', w))) };
        lines.AddRange(rows.Select(r => Line(r, widths)));
        return string.Join('\n', lines) + "\n";
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
}
