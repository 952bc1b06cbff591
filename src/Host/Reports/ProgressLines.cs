using System.Globalization;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Reports;

/// <summary>
/// Progress of a run as plain lines on stderr: a line every tenth of the slots and at every accuracy point, with the
/// slot's throughput, the mean token queue and the latest test accuracy. Wall times appear here only, never in files.
/// </summary>
public sealed class ProgressLines(TextWriter error, long slots) : IRunProgress
{
    private readonly long _every = Math.Max(1, slots / 10);
    private double? _accuracy;

    /// <inheritdoc />
    public void Show(Action body) => body();

    /// <summary>Announces a policy.</summary>
    public void Begin(string policy, int index, int count) =>
        error.WriteLine($"[{index + 1}/{count}] {policy}: {slots} slots");

    /// <summary>Reports a finished slot.</summary>
    public void Slot(string policy, SlotMetrics slot, long cumulative)
    {
        _accuracy = slot.TestAccuracy ?? _accuracy;
        if ((slot.Slot + 1) % _every != 0 && slot.TestAccuracy is null)
        {
            return;
        }

        var meanQ = slot.Servers.Average(s => (double)s.TokenBacklog);
        var accuracy = _accuracy is { } a ? (100 * a).ToString("0.0", CultureInfo.InvariantCulture) + " %" + (slot.FullTestSet ? " (full test set)" : "") : "-";
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {policy} slot {slot.Slot + 1}/{slots}: throughput {slot.Router.Processed}/slot, cumulative {cumulative}, mean Q {meanQ:0.0}, test accuracy {accuracy}"));
    }

    /// <summary>Closes a policy with its wall time.</summary>
    public void End(string policy, TimeSpan wall)
    {
        _accuracy = null;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {policy} done in {wall.TotalSeconds:0.0} s wall"));
    }
}
