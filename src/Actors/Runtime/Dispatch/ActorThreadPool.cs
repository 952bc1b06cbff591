using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The worker threads of a real-time system (Akka's dedicated executor rather than the shared .NET pool): actor turns
/// never queue behind foreign work that blocks or floods the process-wide thread pool. A turn scheduled on a worker
/// goes to that worker's queue, so an exchange between actors stays on one core; turns scheduled from other threads
/// go to a shared queue; a worker with nothing to do steals from the others, spins briefly, then parks.
/// </summary>
internal sealed class ActorThreadPool
{
    // A worker takes from the shared queue first this often, so actors that keep each other busy on local queues
    // cannot starve turns scheduled from outside (timers, asks, external Tells).
    private const int SharedQueueTurnInterval = 61;

    // Spins of an idle worker before it parks: a message exchange resumes without a kernel wake-up round trip.
    private const int SpinsBeforeParking = 30;

    private readonly ConcurrentQueue<IThreadPoolWorkItem> _shared = new();
    private readonly ActorThreadPoolWorker[] _workers;
    private readonly SemaphoreSlim _wake = new(0);

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

    /// <summary>Number of worker threads.</summary>
    public int Threads => _workers.Length;

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
    }

    /// <summary>A worker's life: take a turn (own queue, shared queue, others' queues), else spin, else park.</summary>
    internal void Run(ActorThreadPoolWorker worker)
    {
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

        if (worker.Queue.TryDequeue(out item!) || _shared.TryDequeue(out item!))
        {
            return true;
        }

        for (var i = 1; i < _workers.Length; i++)
        {
            if (_workers[(worker.Index + i) % _workers.Length].Queue.TryDequeue(out item!))
            {
                return true;
            }
        }

        return false;
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

    private void WakeOne()
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
