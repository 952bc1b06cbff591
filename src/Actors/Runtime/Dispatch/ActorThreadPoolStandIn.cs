namespace EdgeMoE.Actors.Runtime;

/// <summary>A spare thread that takes a blocked worker's place; it waits in the pool's spare list between shifts.</summary>
internal sealed class ActorThreadPoolStandIn : IDisposable
{
    private readonly ActorThreadPool _pool;
    private readonly SemaphoreSlim _shift = new(0);
    private volatile bool _onShift;
    private volatile bool _dismissed;

    public ActorThreadPoolStandIn(ActorThreadPool pool)
    {
        _pool = pool;
        new Thread(Live) { IsBackground = true, Name = "actors-stand-in" }.Start();
    }

    public bool OnShift => _onShift;

    /// <summary>Starts a shift: the thread runs the pool's turns until <see cref="Dispose"/>.</summary>
    public void Lend()
    {
        _onShift = true;
        _shift.Release();
    }

    /// <summary>Ends the shift: the stand-in finishes its turn, then returns to the spare list.</summary>
    public void Dispose()
    {
        _onShift = false;

        // It may be parked with the workers: a wake-up lets it notice (a regular worker woken instead re-parks).
        _pool.WakeOne();
    }

    /// <summary>Ends the thread (the pool has stopped); called only while it waits between shifts.</summary>
    public void Dismiss()
    {
        _dismissed = true;
        _shift.Release();
    }

    private void Live()
    {
        while (true)
        {
            _shift.Wait();
            if (_dismissed)
            {
                return;
            }

            _pool.RunShift(this);
        }
    }
}
