using System.Diagnostics;

namespace EdgeMoE.Host.Commands.Bench.Scale;

/// <summary>
/// When every cell had finished each slot (real time), and the messages and crossing bytes counted by then: cells run their slots
/// independently, so slot t of the network ends when its last cell finished slot t.
/// </summary>
internal sealed class SlotCompletions
{
    private readonly int _cells;
    private readonly int[] _finished;
    private readonly Stopwatch _clock;
    private readonly Func<long> _messages;
    private readonly Func<long> _bytes;
    private readonly Action _afterLast;

    /// <param name="cells">Cells of the network.</param>
    /// <param name="slots">Slots each cell runs.</param>
    /// <param name="clock">Started when the network starts being built.</param>
    /// <param name="messages">The message count so far.</param>
    /// <param name="bytes">The count of bytes that crossed processes so far.</param>
    /// <param name="afterLast">Called once, on the thread that completes the last slot (before the network stops).</param>
    public SlotCompletions(int cells, int slots, Stopwatch clock, Func<long> messages, Func<long> bytes, Action afterLast)
    {
        _cells = cells;
        _finished = new int[slots];
        EndedAt = new double[slots];
        CpuBy = new double[slots];
        MessagesBy = new long[slots];
        BytesBy = new long[slots];
        _clock = clock;
        _messages = messages;
        _bytes = bytes;
        _afterLast = afterLast;
    }

    /// <summary>Seconds on the clock at which each slot ended in every cell.</summary>
    public double[] EndedAt { get; }

    /// <summary>CPU seconds this process had used (all threads) when each slot ended in every cell.</summary>
    public double[] CpuBy { get; }

    /// <summary>Messages counted when each slot ended in every cell.</summary>
    public long[] MessagesBy { get; }

    /// <summary>Bytes counted crossing processes when each slot ended in every cell.</summary>
    public long[] BytesBy { get; }

    /// <summary>Cell <paramref name="cell"/> finished <paramref name="slot"/> (called from the cells' threads).</summary>
    public void Finished(int cell, long slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cell);
        if (Interlocked.Increment(ref _finished[slot]) != _cells)
        {
            return;
        }

        EndedAt[slot] = _clock.Elapsed.TotalSeconds;
        CpuBy[slot] = ProcessCpuSeconds();
        MessagesBy[slot] = _messages();
        BytesBy[slot] = _bytes();
        if (slot == _finished.Length - 1)
        {
            _afterLast();
        }
    }

    /// <summary>
    /// Mean per slot of a counter sampled at each slot's end: over the slots after the first (which also carries the
    /// network's deployment), or the first alone from <paramref name="before"/> when there is one slot.
    /// </summary>
    public static double PerSlot(long[] by, long before) =>
        by.Length > 1 ? (by[^1] - by[0]) / (double)(by.Length - 1) : by[0] - before;

    /// <summary>CPU seconds this process has used so far, all threads together.</summary>
    public static double ProcessCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Wall time of each slot (s): the first from the start of the clock, the others from the previous slot's end.</summary>
    public double[] SlotSeconds() => [.. EndedAt.Select((end, t) => t == 0 ? end : end - EndedAt[t - 1])];
}
