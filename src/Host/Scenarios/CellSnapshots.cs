using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// Joins the snapshots of a network's independent cells into one network snapshot per checkpoint slot, once every cell
/// has captured that slot, whichever thread and order they come in. Cell c's actors are named "cell-c/NAME" in the
/// joined snapshot (<see cref="ForCell"/> gives a cell its own names back); a cell that captured a slot goes on without
/// waiting for the others, so the joined snapshot is each cell's state at the same slot barrier.
/// </summary>
/// <param name="cells">Cells of the network (≥ 1).</param>
/// <param name="joined">Receives each joined snapshot, one call at a time, in slot order.</param>
internal sealed class CellSnapshots(int cells, Action<NetworkSnapshot> joined)
{
    private readonly Lock _gate = new();
    private readonly CellReports<NetworkSnapshot> _captured = new(cells);

    /// <summary>Cell <paramref name="cell"/> captured its state at <paramref name="snapshot"/>'s slot.</summary>
    public void Add(int cell, NetworkSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            _captured.Put(snapshot.Slot, cell, snapshot);
            if (_captured.TryTake(snapshot.Slot, out var all))
            {
                joined(Join(all));
            }
        }
    }

    /// <summary>The network's snapshot from its cells' snapshots of one slot, in cell order.</summary>
    public static NetworkSnapshot Join(IReadOnlyList<NetworkSnapshot> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells.Count == 1
            ? cells[0]
            : new NetworkSnapshot(cells[0].Slot, [.. cells.SelectMany((c, i) => c.Actors.Select(a => a with { Actor = Prefix(i) + a.Actor }))]);
    }

    /// <summary>Cell <paramref name="cell"/>'s actor states of a joined snapshot, by their own names (the cell's whole state when there is one cell).</summary>
    public static IReadOnlyDictionary<string, ActorSnapshot> ForCell(IReadOnlyDictionary<string, ActorSnapshot> network, int cell, int cells)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (cells == 1)
        {
            return network;
        }

        var prefix = Prefix(cell);
        return network.Values
            .Where(a => a.Actor.StartsWith(prefix, StringComparison.Ordinal))
            .Select(a => a with { Actor = a.Actor[prefix.Length..] })
            .ToDictionary(a => a.Actor, StringComparer.Ordinal);
    }

    private static string Prefix(int cell) => $"cell-{cell}/";
}
