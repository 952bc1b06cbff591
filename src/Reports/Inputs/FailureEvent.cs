namespace EdgeMoE.Reports.Inputs;

/// <summary>One row of a run's events.csv: a participant failed at <paramref name="Slot"/>.</summary>
/// <param name="Policy">The policy whose emulation saw it.</param>
/// <param name="Slot">Slot of the failure.</param>
/// <param name="Kind">What failed (e.g. crash, link), as written.</param>
/// <param name="Target">Which participant, as written.</param>
/// <param name="DetectedSlot">Slot at which it was detected, or null when the file leaves it empty.</param>
/// <param name="RecoveredSlot">Slot at which it recovered, or null when it never did.</param>
public sealed record FailureEvent(string Policy, int Slot, string Kind, string Target, int? DetectedSlot, int? RecoveredSlot)
{
    /// <summary>The file name beside the run's other files.</summary>
    public const string FileName = "events.csv";

    /// <summary>The header the file must have.</summary>
    public static readonly string[] Columns = ["policy", "slot", "kind", "target", "detected_slot", "recovered_slot"];

    /// <summary>Short label for a chart: kind and target.</summary>
    public string Label => $"{Kind} {Target}";

    /// <summary>The events of <paramref name="folder"/>, in file order; none when it has no events.csv.</summary>
    /// <exception cref="ReportInputException">The file exists but is malformed.</exception>
    public static IReadOnlyList<FailureEvent> Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var table = CsvTable.Read(path, Columns);
        return [.. table.Rows.Select(r => new FailureEvent(
            r.Text("policy"), SlotCell(r, "slot") ?? throw new ReportInputException($"{path}:{r.Line}: column 'slot' is empty"),
            r.Text("kind"), r.Text("target"), SlotCell(r, "detected_slot"), SlotCell(r, "recovered_slot")))];
    }

    private static int? SlotCell(CsvRow row, string column)
    {
        var value = row.OptionalNumber(column);
        return value is null ? null
            : value is >= 0 and <= int.MaxValue && value == Math.Floor(value.Value) ? (int)value.Value
            : throw new ReportInputException($"{row.Table.Path}:{row.Line}: column '{column}' holds '{row.Text(column)}', expected a slot (a whole number >= 0)");
    }
}
