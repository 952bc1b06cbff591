namespace EdgeMoE.Actors.Runtime;

/// <summary>The private thread of an actor with <see cref="DispatcherKind.DedicatedThread"/>; runs its turns until it stops.</summary>
internal sealed class DedicatedThread
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly IThreadPoolWorkItem _turn;
    private volatile bool _stopped;

    public DedicatedThread(IThreadPoolWorkItem turn, string name)
    {
        _turn = turn;
        var thread = new Thread(Loop) { IsBackground = true, Name = name };
        thread.Start();
    }

    /// <summary>Runs one more turn (the cell's scheduled flag guarantees at most one is pending).</summary>
    public void Schedule() => _wake.Release();

    /// <summary>Ends the thread after the current turn.</summary>
    public void Stop()
    {
        _stopped = true;
        _wake.Release();
    }

    private void Loop()
    {
        while (true)
        {
            _wake.Wait();
            if (_stopped)
            {
                _wake.Dispose();
                return;
            }

            _turn.Execute();
        }
    }
}
