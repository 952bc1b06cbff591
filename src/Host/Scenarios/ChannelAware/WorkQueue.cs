namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>
/// Jobs taken first in, first out by a fixed set of worker threads; a job may add jobs that depend on it (they queue
/// behind those already waiting). Run returns once every job, added ones too, has finished, or rethrows the first
/// failure after the jobs already running have ended (no job starts after a failure).
/// </summary>
internal sealed class WorkQueue
{
    private readonly Queue<Action> _ready = new();
    private readonly object _gate = new();
    private int _unfinished;
    private Exception? _failure;

    /// <summary>Queues <paramref name="job"/>.</summary>
    public void Add(Action job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            _ready.Enqueue(job);
            _unfinished++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Runs the jobs on <paramref name="workers"/> long-running threads, each of which calls <paramref name="onStart"/>
    /// before its first job.
    /// </summary>
    public void Run(int workers, Action onStart)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentNullException.ThrowIfNull(onStart);
        var threads = Enumerable.Range(0, workers)
            .Select(_ => Task.Factory.StartNew(() => Work(onStart), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        Task.WaitAll(threads);
        if (_failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_failure).Throw();
        }
    }

    private void Work(Action onStart)
    {
        onStart();
        while (Next() is { } job)
        {
            try
            {
                job();
            }
            catch (Exception failure)
            {
                lock (_gate)
                {
                    _failure ??= failure;
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _unfinished--;
                Monitor.PulseAll(_gate);
            }
        }
    }

    // The next job, waiting while others run that may still add one; null when all are done or one failed.
    private Action? Next()
    {
        lock (_gate)
        {
            while (_ready.Count == 0 && _unfinished > 0 && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            return _failure is null && _ready.Count > 0 ? _ready.Dequeue() : null;
        }
    }
}
