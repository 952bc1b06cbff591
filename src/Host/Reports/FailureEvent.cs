using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Reports;

/// <summary>One failure a policy's run met, a row of events.csv.</summary>
/// <param name="Policy">The policy whose run it hit.</param>
/// <param name="Slot">Slot at which it struck (for a loss nobody scheduled: the slot in which it was found).</param>
/// <param name="Kind">crash-server, crash-node, partition, slow-link, or lost (a node that vanished unscheduled).</param>
/// <param name="Target">What it hit, e.g. <c>server 3</c>, <c>node 1</c>, <c>server 4 on node 127.0.0.1:40123</c>.</param>
/// <param name="DetectedSlot">Slot from which the emulation treated it as down (scheduled: the slot it struck).</param>
/// <param name="RecoveredSlot">Slot at which it was back (recovery, heal, full rate), or null when not within the run.</param>
public sealed record FailureEvent(string Policy, long Slot, string Kind, string Target, long DetectedSlot, long? RecoveredSlot)
{
    /// <summary>The failures of one policy's run: the scheduled ones that struck within it, then the losses found, in slot order.</summary>
    public static IReadOnlyList<FailureEvent> Of(string policy, FailureSchedule? schedule, IReadOnlyList<SlotMetrics> slots)
    {
        var events = new List<FailureEvent>();
        var count = slots.Count;
        foreach (var f in schedule?.Failures ?? [])
        {
            if (f.FromSlot < count)
            {
                events.Add(new FailureEvent(policy, f.FromSlot, f.KindName, f.TargetName, f.FromSlot, f.UntilSlot < count ? f.UntilSlot : null));
            }
        }

        foreach (var slot in slots)
        {
            foreach (var lost in slot.Lost ?? [])
            {
                foreach (var server in lost.Servers)
                {
                    events.Add(new FailureEvent(policy, slot.Slot, "lost", $"server {server} on {lost.Where}", slot.Slot, null));
                }
            }
        }

        return [.. events.OrderBy(e => e.Slot)];
    }
}
