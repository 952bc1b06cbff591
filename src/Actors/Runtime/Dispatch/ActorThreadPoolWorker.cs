using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Runtime;

/// <summary>One thread of an <see cref="ActorThreadPool"/> and the queue of turns scheduled while it runs.</summary>
internal sealed class ActorThreadPoolWorker
{
    [ThreadStatic]
    private static ActorThreadPoolWorker? _current;

    private readonly Thread _thread;

    public ActorThreadPoolWorker(ActorThreadPool pool, int index, string name)
    {
        Pool = pool;
        Index = index;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    /// <summary>The worker running on this thread, <c>null</c> on any other thread.</summary>
    public static ActorThreadPoolWorker? Current => _current;

    public ActorThreadPool Pool { get; }

    /// <summary>Position in the pool; victims of stealing are visited from the next one on.</summary>
    public int Index { get; }

    /// <summary>Turns scheduled from this worker; other workers steal from it when they run dry.</summary>
    public ConcurrentQueue<IThreadPoolWorkItem> Queue { get; } = new();

    public void Start() => _thread.Start();

    private void Run()
    {
        _current = this;
        Pool.Run(this);
    }
}
