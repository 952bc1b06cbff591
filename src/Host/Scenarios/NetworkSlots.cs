using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// Joins the slots of a network's independent cells into one <see cref="SlotMetrics"/> per slot, emitted in slot order
/// once every cell has finished that slot, whichever thread and order the cells report in. Server j of cell c becomes
/// server c·J + j; arrivals, throughput, G(t) and the P1 objective add up; the training loss is the mean over the
/// processed tokens of every cell and the test accuracy the mean over cells (each evaluates the same test images).
/// </summary>
/// <param name="cells">Cells of the network (≥ 1).</param>
/// <param name="serversPerCell">J, servers per cell.</param>
/// <param name="emit">Receives the network's slots in order, one call at a time.</param>
/// <param name="firstSlot">The first slot the cells report (after a checkpoint's slot when resuming).</param>
internal sealed class NetworkSlots(int cells, int serversPerCell, Action<SlotMetrics> emit, long firstSlot = 0)
{
    private readonly Lock _gate = new();
    private readonly CellReports<SlotMetrics> _reports = new(cells);
    private long _next = firstSlot;

    /// <summary>Cell <paramref name="cell"/> finished <paramref name="slot"/>; emits every slot now complete.</summary>
    public void Add(int cell, SlotMetrics slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_gate)
        {
            _reports.Put(slot.Slot, cell, slot);
            while (_reports.TryTake(_next, out var complete))
            {
                _next++;
                emit(Join(complete, serversPerCell));
            }
        }
    }

    /// <summary>The network's slot from its cells' reports of that slot, in cell order.</summary>
    public static SlotMetrics Join(IReadOnlyList<SlotMetrics> cells, int serversPerCell)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 1)
        {
            return cells[0];
        }

        var routers = cells.Select(c => c.Router).ToArray();
        var processed = routers.Sum(r => r.Processed);
        var lossSum = routers.Where(r => r.Processed > 0).Sum(r => r.TrainingLoss * r.Processed);
        var router = new RouterSlotReport(
            cells[0].Slot,
            routers.Sum(r => r.Arrivals),
            processed,
            processed == 0 ? double.NaN : lossSum / processed,
            routers.Sum(r => r.GatingConsistency),
            routers.Sum(r => r.Objective),
            routers.Max(r => r.ArrivesAt));
        var accuracies = cells.Select(c => c.TestAccuracy).ToArray();
        return new SlotMetrics(
            cells[0].Slot,
            cells.Max(c => c.StartedAt),
            router,
            [.. cells.SelectMany((c, i) => c.Servers.Select(s => s with { Server = (i * serversPerCell) + s.Server }))],
            [.. cells.SelectMany((c, i) => c.Links.Select(l => l with { Server = (i * serversPerCell) + l.Server }))],
            Array.TrueForAll(accuracies, a => a is not null) ? accuracies.Average(a => a!.Value) : null,
            cells[0].FullTestSet,
            Array.TrueForAll([.. cells], c => c.Ledger is not null) ? TokenLedger.Sum(cells.Select(c => c.Ledger!)) : null,
            cells.Any(c => c.Lost is not null)
                ? [.. cells.SelectMany((c, i) => (c.Lost ?? []).Select(l => l with { Servers = [.. l.Servers.Select(j => (i * serversPerCell) + j)] }))]
                : null);
    }
}
