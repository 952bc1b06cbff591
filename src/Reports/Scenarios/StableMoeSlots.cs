using EdgeMoE.Reports.Inputs;

namespace EdgeMoE.Reports.Scenarios;

/// <summary>metrics.csv of a Stable-MoE run folded per (policy, slot): the series its charts draw.</summary>
/// <param name="Policies">Policies in file order.</param>
/// <param name="Slots">Per policy, its slots in increasing order.</param>
/// <param name="Experts">Number of expert servers (rows per slot).</param>
public sealed record StableMoeSlots(IReadOnlyList<string> Policies, IReadOnlyDictionary<string, IReadOnlyList<StableMoeSlot>> Slots, int Experts)
{
    /// <summary>The file this reads.</summary>
    public const string FileName = "metrics.csv";

    private static readonly string[] Needed =
        ["policy", "slot", "expert", "token_queue", "energy_queue_j", "energy_j", "frequency_hz", "cumulative_throughput", "test_accuracy"];

    /// <summary>Reads and folds <paramref name="path"/>.</summary>
    /// <exception cref="ReportInputException">The file is malformed.</exception>
    public static StableMoeSlots Read(string path)
    {
        var table = CsvTable.Read(path, Needed);
        var rows = table.Rows.Select(r => (
            Row: r, Policy: r.Text("policy"), Slot: Whole(r, "slot"), Expert: Whole(r, "expert"))).ToList();
        if (rows.Count == 0)
        {
            throw new ReportInputException($"{path}: no rows, expected one per policy, slot and expert");
        }

        var experts = rows.Max(r => r.Expert) + 1;
        var policies = rows.Select(r => r.Policy).Distinct().ToList();
        var slots = new Dictionary<string, IReadOnlyList<StableMoeSlot>>();
        foreach (var policy in policies)
        {
            slots[policy] = [.. rows.Where(r => r.Policy == policy).GroupBy(r => r.Slot).OrderBy(g => g.Key).Select(g =>
            {
                var frequency = new double[experts];
                var energy = new double[experts];
                foreach (var (row, _, _, expert) in g)
                {
                    frequency[expert] = row.Number("frequency_hz");
                    energy[expert] = row.Number("energy_j");
                }

                var first = g.First().Row;
                return new StableMoeSlot(
                    g.Key, first.Number("cumulative_throughput"), g.Sum(r => r.Row.Number("token_queue")),
                    g.Sum(r => r.Row.Number("energy_queue_j")), first.OptionalNumber("test_accuracy"), frequency, energy);
            })];
        }

        return new StableMoeSlots(policies, slots, experts);
    }

    private static int Whole(CsvRow row, string column)
    {
        var value = row.Number(column);
        return value is >= 0 and < 1e9 && value == Math.Floor(value)
            ? (int)value
            : throw new ReportInputException($"{row.Table.Path}:{row.Line}: column '{column}' holds '{row.Text(column)}', expected a whole number >= 0");
    }
}
