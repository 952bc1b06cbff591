using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Runtime;

/// <summary>A queue of at most <paramref name="capacity"/> messages with an overflow policy.</summary>
internal sealed class BoundedMessageQueue(int capacity, OverflowPolicy overflow, TimeSpan pushTimeout) : MessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private readonly object _room = new();
    private int _count;
    private int _waiters;

    public override bool HasMessages => Volatile.Read(ref _count) > 0;

    public override bool IsFull => Volatile.Read(ref _count) >= capacity;

    public override bool BacksPressure => overflow == OverflowPolicy.BackPressure;

    public override bool TryEnqueue(in Envelope envelope, bool mayWait)
    {
        if (TryReserve())
        {
            _queue.Enqueue(envelope);
            return true;
        }

        if (overflow == OverflowPolicy.DropNewest || !mayWait)
        {
            return false;
        }

        return WaitForRoom() && Enqueue(envelope);
    }

    public override bool TryDequeue(out Envelope envelope)
    {
        if (!_queue.TryDequeue(out envelope))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        if (Volatile.Read(ref _waiters) > 0)
        {
            lock (_room)
            {
                Monitor.PulseAll(_room);
            }
        }

        return true;
    }

    private bool Enqueue(in Envelope envelope)
    {
        _queue.Enqueue(envelope);
        return true;
    }

    private bool TryReserve()
    {
        while (true)
        {
            var count = Volatile.Read(ref _count);
            if (count >= capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _count, count + 1, count) == count)
            {
                return true;
            }
        }
    }

    // Real-time back-pressure: the sending thread blocks until the consumer frees a slot or the push timeout passes.
    private bool WaitForRoom()
    {
        // A worker of the system's pool blocking here would be one fewer to run the receiver that makes room.
        using var standIn = ActorThreadPool.StandInWhileBlocked();
        var remaining = pushTimeout;
        var clock = TimeProvider.System;
        var start = clock.GetTimestamp();
        lock (_room)
        {
            // Interlocked, not ++: the count must be visible before TryReserve reads _count, or a consumer that frees the
            // last slot in between reads no waiter, skips the pulse, and this sender sleeps out its whole push timeout.
            Interlocked.Increment(ref _waiters);
            try
            {
                while (!TryReserve())
                {
                    remaining = pushTimeout - clock.GetElapsedTime(start);
                    if (remaining <= TimeSpan.Zero || !Monitor.Wait(_room, remaining))
                    {
                        return TryReserve();
                    }
                }

                return true;
            }
            finally
            {
                Interlocked.Decrement(ref _waiters);
            }
        }
    }
}
