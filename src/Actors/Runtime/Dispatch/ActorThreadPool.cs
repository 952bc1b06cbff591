using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The worker threads of a real-time system (Akka's dedicated executor rather than the shared .NET pool): actor turns
/// never queue behind foreign work that blocks or floods the process-wide thread pool. A turn scheduled on a worker
/// goes to that worker's queue, so an exchange between actors stays on one core; turns scheduled from other threads
/// go to a shared queue; a worker with nothing to do steals from the others, spins briefly, then parks. A worker that
/// must block (a back-pressured send) is replaced by a stand-in thread meanwhile, so the pool keeps its strength.
/// </summary>
internal sealed class ActorThreadPool
{
    [ThreadStatic]
    private static ActorThreadPool? _current;

    // A worker takes from the shared queue first this often, so actors that keep each other busy on local queues
    // cannot starve turns scheduled from outside (timers, asks, external Tells).
    private const int SharedQueueTurnInterval = 61;

    // Spins of an idle worker before it parks: a message exchange resumes without a kernel wake-up round trip.
    private const int SpinsBeforeParking = 30;

    private readonly ConcurrentQueue<IThreadPoolWorkItem> _shared = new();
    private readonly ActorThreadPoolWorker[] _workers;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentStack<ActorThreadPoolStandIn> _idleStandIns = new();

    // Workers parked or about to park, minus the wake-ups already granted to them (see Park).
    private int _parked;
    private volatile bool _stopped;

    /// <param name="threads">Worker threads, ≥ 1.</param>
    /// <param name="name">Prefix of the thread names (the system's name).</param>
    public ActorThreadPool(int threads, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _workers = new ActorThreadPoolWorker[threads];
        for (var i = 0; i < threads; i++)
        {
            _workers[i] = new ActorThreadPoolWorker(this, i, $"{name}-actors-{i}");
        }

        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    /// <summary>
    /// Call before the current thread blocks: when it is one of a pool's threads, a stand-in runs that pool's turns until
    /// the returned scope is disposed (else <c>null</c>). Without it, senders blocked on a full mailbox could hold every
    /// worker while the receiver that would make room waits for one.
    /// </summary>
    public static IDisposable? StandInWhileBlocked() => _current?.LendStandIn();

    /// <summary>Runs <paramref name="item"/> once on a worker. After <see cref="Stop"/> it is dropped.</summary>
    public void Schedule(IThreadPoolWorkItem item)
    {
        var worker = ActorThreadPoolWorker.Current;
        if (worker is not null && ReferenceEquals(worker.Pool, this))
        {
            worker.Queue.Enqueue(item);
        }
        else
        {
            _shared.Enqueue(item);
        }

        // Pairs with the fence in Park: either a parking worker sees this item, or this sees it parked and wakes one.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _parked) > 0)
        {
            WakeOne();
        }
    }

    /// <summary>Ends every worker after its current turn; queued turns are dropped (the system has terminated).</summary>
    public void Stop()
    {
        _stopped = true;
        _wake.Release(_workers.Length);
        DismissIdleStandIns();
    }

    /// <summary>A worker's life: take a turn (own queue, shared queue, others' queues), else spin, else park.</summary>
    internal void Run(ActorThreadPoolWorker worker)
    {
        _current = this;
        var taken = 0;
        while (!_stopped)
        {
            if (TryTake(worker, ++taken % SharedQueueTurnInterval == 0, out var item))
            {
                item.Execute();
                continue;
            }

            if (!SpinForWork())
            {
                Park();
            }
        }
    }

    private bool TryTake(ActorThreadPoolWorker worker, bool sharedFirst, out IThreadPoolWorkItem item)
    {
        if (sharedFirst && _shared.TryDequeue(out item!))
        {
            return true;
        }

        return worker.Queue.TryDequeue(out item!) || TrySteal(worker.Index + 1, out item);
    }

    // The shared queue, then every worker's queue from `first` on (modulo the worker count).
    private bool TrySteal(int first, out IThreadPoolWorkItem item)
    {
        if (_shared.TryDequeue(out item!))
        {
            return true;
        }

        for (var i = 0; i < _workers.Length; i++)
        {
            if (_workers[(first + i) % _workers.Length].Queue.TryDequeue(out item!))
            {
                return true;
            }
        }

        return false;
    }

    private ActorThreadPoolStandIn LendStandIn()
    {
        if (!_idleStandIns.TryPop(out var standIn))
        {
            standIn = new ActorThreadPoolStandIn(this);
        }

        standIn.Lend();
        return standIn;
    }

    // A stand-in's shift: it has no queue of its own (what it schedules goes to the shared queue) and takes turns from
    // anywhere until dismissed. Leaving, it passes on a wake-up it may have taken for work it did not run.
    internal void RunShift(ActorThreadPoolStandIn standIn)
    {
        _current = this;
        while (!_stopped && standIn.OnShift)
        {
            if (TrySteal(0, out var item))
            {
                item.Execute();
                continue;
            }

            if (!SpinForWork())
            {
                Park();
            }
        }

        if (HasQueuedWork())
        {
            WakeOne();
        }

        _idleStandIns.Push(standIn);

        // Stop may have emptied the spare list just before the push.
        if (_stopped)
        {
            DismissIdleStandIns();
        }
    }

    private void DismissIdleStandIns()
    {
        while (_idleStandIns.TryPop(out var standIn))
        {
            standIn.Dismiss();
        }
    }

    private bool HasQueuedWork()
    {
        if (!_shared.IsEmpty)
        {
            return true;
        }

        foreach (var worker in _workers)
        {
            if (!worker.Queue.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private bool SpinForWork()
    {
        var spinner = default(SpinWait);
        for (var i = 0; i < SpinsBeforeParking; i++)
        {
            if (HasQueuedWork() || _stopped)
            {
                return true;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return false;
    }

    // Invariant: workers inside Park = _parked + unconsumed permits of _wake. A waker moves one count from _parked to a
    // permit; a worker leaves either by taking back its own count (work appeared while it checked) or by a permit.
    private void Park()
    {
        Interlocked.Increment(ref _parked);
        if ((HasQueuedWork() || _stopped) && TryTakeParkedCount())
        {
            return;
        }

        _wake.Wait();
    }

    /// <summary>Wakes one parked thread, if any (a spurious wake-up only makes it look for work and park again).</summary>
    internal void WakeOne()
    {
        if (TryTakeParkedCount())
        {
            _wake.Release();
        }
    }

    private bool TryTakeParkedCount()
    {
        while (true)
        {
            var parked = Volatile.Read(ref _parked);
            if (parked == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _parked, parked - 1, parked) == parked)
            {
                return true;
            }
        }
    }
}
