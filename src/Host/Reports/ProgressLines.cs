using System.Globalization;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Reports;

/// <summary>
/// Progress of a run as plain lines on stderr: a line every tenth of the slots and at every accuracy point, with the
/// slot's throughput, the mean token queue and the latest test accuracy. Wall times appear here only, never in files.
/// Policies running at the same time may report from different threads; each line names its policy.
/// </summary>
public sealed class ProgressLines(TextWriter error, long slots) : IRunProgress
{
    private readonly long _every = Math.Max(1, slots / 10);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double?> _accuracy = [];

    /// <inheritdoc />
    public void Show(Action body) => body();

    /// <summary>Announces a policy.</summary>
    public void Begin(string policy, int index, int count)
    {
        lock (_lock)
        {
            _accuracy[policy] = null;
            error.WriteLine($"[{index + 1}/{count}] {policy}: {slots} slots");
        }
    }

    /// <summary>Reports a finished slot.</summary>
    public void Slot(string policy, SlotMetrics slot, long cumulative)
    {
        lock (_lock)
        {
            var latest = _accuracy[policy] = slot.TestAccuracy ?? _accuracy[policy];
            foreach (var lost in slot.Lost ?? [])
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {policy} slot {slot.Slot + 1}/{slots}: lost server(s) {string.Join(", ", lost.Servers)} with {lost.Where}; their tokens are routed to the others"));
            }

            if ((slot.Slot + 1) % _every == 0 || slot.TestAccuracy is not null)
            {
                Write(policy, slot, cumulative, latest);
            }
        }
    }

    /// <summary>Closes a policy with its wall time.</summary>
    public void End(string policy, TimeSpan wall)
    {
        lock (_lock)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {policy} done in {wall.TotalSeconds:0.0} s wall"));
        }
    }

    private void Write(string policy, SlotMetrics slot, long cumulative, double? latest)
    {
        var meanQ = slot.Servers.Average(s => (double)s.TokenBacklog);
        var accuracy = latest is { } a ? (100 * a).ToString("0.0", CultureInfo.InvariantCulture) + " %" + (slot.FullTestSet ? " (full test set)" : "") : "-";
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {policy} slot {slot.Slot + 1}/{slots}: throughput {slot.Router.Processed}/slot, cumulative {cumulative}, mean Q {meanQ:0.0}, test accuracy {accuracy}"));
    }
}
