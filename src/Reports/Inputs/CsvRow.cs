using System.Globalization;

namespace EdgeMoE.Reports.Inputs;

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
/// <param name="Table">The table it belongs to.</param>
/// <param name="Line">Its 1-based line in the file.</param>
/// <param name="Cells">Its cells, as many as the header has.</param>
public sealed record CsvRow(CsvTable Table, int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The cell of column <paramref name="column"/>, as text.</summary>
    public string Text(string column) => Cells[Table.Column(column)];

    /// <summary>The cell of column <paramref name="column"/> as a finite number.</summary>
    /// <exception cref="ReportInputException">The cell is empty or not a number.</exception>
    public double Number(string column) =>
        OptionalNumber(column) ?? throw new ReportInputException($"{Table.Path}:{Line}: column '{column}' is empty, expected a number");

    /// <summary>The cell as a number, or null when it is empty.</summary>
    /// <exception cref="ReportInputException">The cell is not empty and not a finite number.</exception>
    public double? OptionalNumber(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ReportInputException($"{Table.Path}:{Line}: column '{column}' holds '{text}', expected a number");
    }
}
