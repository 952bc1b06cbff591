namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// One report per cell for each slot of a network of independent cells (their metrics, their snapshots), held until
/// every cell's is in. Not thread-safe: its owner serialises the calls.
/// </summary>
/// <typeparam name="T">The report.</typeparam>
/// <param name="cells">Cells of the network (≥ 1).</param>
internal sealed class CellReports<T>(int cells)
    where T : class
{
    private readonly Dictionary<long, T?[]> _pending = [];

    /// <summary>Keeps cell <paramref name="cell"/>'s report of <paramref name="slot"/>.</summary>
    public void Put(long slot, int cell, T report)
    {
        if (!_pending.TryGetValue(slot, out var reports))
        {
            reports = new T?[cells];
            _pending.Add(slot, reports);
        }

        reports[cell] = report;
    }

    /// <summary>Hands over (and forgets) <paramref name="slot"/>'s reports in cell order once every cell's is in.</summary>
    public bool TryTake(long slot, out T[] reports)
    {
        if (_pending.TryGetValue(slot, out var held) && Array.TrueForAll(held, r => r is not null))
        {
            _pending.Remove(slot);
            reports = held!;
            return true;
        }

        reports = [];
        return false;
    }
}
