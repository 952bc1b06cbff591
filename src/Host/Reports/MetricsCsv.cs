using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Reports;

/// <summary>
/// <c>metrics.csv</c>: one row per (policy, slot, expert), written and flushed slot by slot so that a crash keeps every
/// finished slot. Per-slot columns (arrivals, throughput, G(t), loss, accuracy) repeat on the slot's expert rows.
/// </summary>
public sealed class MetricsCsv : IDisposable
{
    /// <summary>The header line, in column order.</summary>
    public static readonly string[] Columns =
    [
        "policy", "slot", "expert", "available", "arrivals", "routed", "completed", "token_queue", "energy_queue_j", "energy_j",
        "frequency_hz", "link_bits", "link_energy_j", "throughput", "cumulative_throughput", "gating_consistency", "training_loss",
        "test_accuracy",
    ];

    private readonly StreamWriter _writer;

    /// <summary>Creates (or truncates) <paramref name="path"/> and writes the header.</summary>
    public MetricsCsv(string path)
    {
        _writer = new StreamWriter(path, append: false) { NewLine = "\n" };
        _writer.WriteLine(string.Join(',', Columns));
        _writer.Flush();
    }

    /// <summary>Appends the rows of one slot and flushes them to disk.</summary>
    /// <param name="policy">Policy name.</param>
    /// <param name="slot">The slot's metrics.</param>
    /// <param name="cumulativeThroughput">Tokens processed from slot 0 to this slot, inclusive.</param>
    public void Append(string policy, SlotMetrics slot, long cumulativeThroughput)
    {
        var r = slot.Router;
        foreach (var s in slot.Servers)
        {
            var link = slot.Links[s.Server];
            _writer.WriteLine(string.Join(',',
                policy, CsvNumbers.Format(slot.Slot), CsvNumbers.Format(s.Server), s.Available ? "1" : "0", CsvNumbers.Format(r.Arrivals),
                CsvNumbers.Format(s.Routed), CsvNumbers.Format(s.Completed), CsvNumbers.Format(s.TokenBacklog), CsvNumbers.Format(s.EnergyBacklog),
                CsvNumbers.Format(s.EnergyJoules), CsvNumbers.Format(s.FrequencyHz), CsvNumbers.Format(link.Bits), CsvNumbers.Format(link.Joules),
                CsvNumbers.Format(r.Processed), CsvNumbers.Format(cumulativeThroughput), CsvNumbers.Format(r.GatingConsistency),
                CsvNumbers.Format(r.TrainingLoss), CsvNumbers.Format(slot.TestAccuracy)));
        }

        _writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
