using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Runtime;

/// <summary>Real time: each scheduled delivery is a <see cref="TimeProvider"/> timer.</summary>
internal sealed class RealTimeScheduler(TimeProvider time) : TimerScheduler
{
    private readonly long _start = time.GetTimestamp();
    private readonly ConcurrentDictionary<RealTimer, byte> _live = new();

    public override TimeSpan Now => time.GetElapsedTime(_start);

    public override void Dispose()
    {
        foreach (var timer in _live.Keys)
        {
            timer.Cancel();
        }
    }

    protected override ICancelable Schedule(TimeSpan delay, TimeSpan? interval, ActorRefBase receiver, Envelope envelope, SystemMessage? system)
    {
        var timer = new RealTimer(this, receiver, envelope, system, interval is null);
        _live[timer] = 0;
        timer.Start(time, delay, interval ?? Timeout.InfiniteTimeSpan);
        return timer;
    }

    private sealed class RealTimer(RealTimeScheduler owner, ActorRefBase receiver, Envelope envelope, SystemMessage? system, bool once) : ICancelable
    {
        private ITimer? _timer;
        private volatile bool _cancelled;

        public bool IsCancellationRequested => _cancelled;

        public void Start(TimeProvider time, TimeSpan delay, TimeSpan period) =>
            _timer = time.CreateTimer(static state => ((RealTimer)state!).Fire(), this, delay, period);

        public void Cancel()
        {
            _cancelled = true;
            _timer?.Dispose();
            owner._live.TryRemove(this, out _);
        }

        private void Fire()
        {
            if (_cancelled)
            {
                return;
            }

            if (system is not null)
            {
                receiver.DeliverSystem(system);
            }
            else
            {
                receiver.DeliverUser(envelope);
            }

            if (once)
            {
                Cancel();
            }
        }
    }
}
