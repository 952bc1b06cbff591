using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Bulk-synchronous execution for virtual time. Messages sent while actors run go to an outbox; when every actor
/// is idle (no runnable cell, no counted async handler) the outbox is sorted canonically and delivered, then the
/// receiving actors run in parallel. The result is independent of the number of threads.
/// </summary>
internal sealed class Superstep(int parallelism)
{
    private readonly ConcurrentQueue<PendingDelivery> _outbox = new();
    private readonly Lock _runnableGate = new();
    private readonly Lock _driver = new();
    private readonly object _idle = new();
    private readonly List<Action> _completions = [];
    private List<ActorCell> _runnable = [];
    private int _busy;
    private int _driverWaiting;
    private long _externalSequence;

    /// <summary>Messages in flight (not yet delivered).</summary>
    public bool HasPending => !_outbox.IsEmpty;

    public void Post(ActorRefBase target, in Envelope envelope)
    {
        var (origin, sequence) = NextOrigin();
        _outbox.Enqueue(new PendingDelivery(target, origin, sequence, null, envelope));
    }

    public void PostSystem(ActorRefBase target, SystemMessage message)
    {
        var (origin, sequence) = NextOrigin();
        _outbox.Enqueue(new PendingDelivery(target, origin, sequence, message, default));
    }

    /// <summary>Posts with a key fixed earlier (a timer keeps the key of the actor that scheduled it).</summary>
    public void PostKeyed(in PendingDelivery delivery) => _outbox.Enqueue(delivery);

    /// <summary>The ordering key of a message sent now: the running actor and its next sequence number.</summary>
    public (ActorPath? Origin, long Sequence) NextOrigin()
    {
        var cell = ActorCell.Current;
        return cell is null ? (null, Interlocked.Increment(ref _externalSequence)) : (cell.Path, cell.NextSendSequence());
    }

    public void AddRunnable(ActorCell cell)
    {
        lock (_runnableGate)
        {
            _runnable.Add(cell);
        }

        // A full fence first: the driver publishes that it waits before it looks for runnable cells.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _driverWaiting) != 0)
        {
            lock (_idle)
            {
                Monitor.PulseAll(_idle);
            }
        }
    }

    /// <summary>Completes an ask after the delivery round, so the awaiting code never races the delivery.</summary>
    public void DeferCompletion(Action completion) => _completions.Add(completion);

    /// <summary>Delivers and runs until nothing is in flight at the current instant.</summary>
    public void RunUntilQuiescent()
    {
        // Turns run on the calling thread too; a handler must not capture its synchronization context (a UI or test
        // runner context), or its continuations queue behind the very thread that is blocked here waiting for them.
        var callerContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            DriveUntilQuiescent();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }
    }

    private void DriveUntilQuiescent()
    {
        lock (_driver)
        {
            while (true)
            {
                WaitForWork();
                var runnable = TakeRunnable();
                if (runnable.Count > 0)
                {
                    RunAll(runnable);
                    continue;
                }

                if (_outbox.IsEmpty || !Deliver())
                {
                    return;
                }

                RunAll(TakeRunnable());
            }
        }
    }

    /// <summary>An actor's async code issued an ask: while one is in flight, its suspended handler is parked.</summary>
    public static void AskStarted(ActorCellExtras extras)
    {
        lock (extras)
        {
            extras.PendingAsks++;
        }
    }

    public static void AskCompleted(ActorCellExtras extras)
    {
        lock (extras)
        {
            extras.PendingAsks--;
        }
    }

    public void EnterBusy() => Interlocked.Increment(ref _busy);

    public void ExitBusy()
    {
        if (Interlocked.Decrement(ref _busy) == 0)
        {
            lock (_idle)
            {
                Monitor.PulseAll(_idle);
            }
        }
    }

    // Runnable cells run even while counted handlers are suspended: their turns cannot change what is delivered, and a
    // handler may wait for one of them (a continuation posted from a turn, a promise completed by another actor).
    private void WaitForWork()
    {
        if (Volatile.Read(ref _busy) == 0 || HasRunnable)
        {
            return;
        }

        lock (_idle)
        {
            Interlocked.Exchange(ref _driverWaiting, 1);
            while (Volatile.Read(ref _busy) > 0 && !HasRunnable)
            {
                Monitor.Wait(_idle);
            }

            Volatile.Write(ref _driverWaiting, 0);
        }
    }

    private bool HasRunnable
    {
        get
        {
            lock (_runnableGate)
            {
                return _runnable.Count > 0;
            }
        }
    }

    private List<ActorCell> TakeRunnable()
    {
        lock (_runnableGate)
        {
            var taken = _runnable;
            _runnable = [];
            return taken;
        }
    }

    // Returns false when nothing could be delivered (every message held back by a full back-pressure mailbox).
    private bool Deliver()
    {
        var batch = new List<PendingDelivery>();
        while (_outbox.TryDequeue(out var delivery))
        {
            batch.Add(delivery);
        }

        batch.Sort(PendingDelivery.CanonicalOrder);
        var delivered = 0;
        ActorRefBase? heldBack = null;
        foreach (var delivery in batch)
        {
            if (delivery.System is { } system)
            {
                delivery.Target.DeliverSystem(system);
                delivered++;
                continue;
            }

            if (ReferenceEquals(delivery.Target, heldBack)
                || (delivery.Target is LocalActorRef { Cell.HoldsBackSenders: true } && (heldBack = delivery.Target) is not null))
            {
                _outbox.Enqueue(delivery);
                continue;
            }

            delivery.Target.DeliverUser(delivery.Envelope);
            delivered++;
        }

        var completions = _completions.ToArray();
        _completions.Clear();
        foreach (var completion in completions)
        {
            SystemCompletion.Run(completion);
        }

        return delivered > 0;
    }

    private void RunAll(List<ActorCell> cells)
    {
        if (cells.Count == 1 || parallelism == 1)
        {
            foreach (var cell in cells)
            {
                cell.RunClaimedTurns();
            }

            return;
        }

        Parallel.ForEach(cells, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, static cell => cell.RunClaimedTurns());
    }
}
