namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Virtual time: timers wait in a priority queue ordered by (due time, target path, scheduling actor, its sequence
/// number) and fire only when the system is quiescent, which then jumps the clock straight to the earliest due time.
/// </summary>
internal sealed class VirtualTimeScheduler(Superstep superstep) : TimerScheduler
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<VirtualTimer, VirtualTimer> _queue = new(VirtualTimer.Order);
    private long _now;
    private int _cancelled;

    public override TimeSpan Now => new(Volatile.Read(ref _now));

    /// <summary>Due time of the earliest live timer, if any.</summary>
    public TimeSpan? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropCancelledHead();
                return _queue.TryPeek(out var timer, out _) ? timer.Due : null;
            }
        }
    }

    /// <summary>Moves the clock forward to <paramref name="time"/> (never backward).</summary>
    public void AdvanceTo(TimeSpan time)
    {
        if (time.Ticks > Volatile.Read(ref _now))
        {
            Volatile.Write(ref _now, time.Ticks);
        }
    }

    /// <summary>Jumps to the earliest timer if it is due no later than <paramref name="limit"/> and posts every timer due then.</summary>
    public bool FireNext(TimeSpan limit)
    {
        lock (_gate)
        {
            DropCancelledHead();
            if (!_queue.TryPeek(out var first, out _) || first.Due > limit)
            {
                return false;
            }

            var due = first.Due;
            AdvanceTo(due);
            while (_queue.TryPeek(out var timer, out _) && timer.Due == due)
            {
                _queue.Dequeue();
                if (timer.IsCancellationRequested)
                {
                    _cancelled--;
                    continue;
                }

                superstep.PostKeyed(new PendingDelivery(timer.Target, timer.Origin, timer.Sequence, timer.TakeSystemMessage(), timer.Envelope));
                if (timer.Interval is { } interval)
                {
                    timer.Due += interval;
                    _queue.Enqueue(timer, timer);
                }
                else
                {
                    timer.MarkFired();
                }
            }

            return true;
        }
    }

    public override void Dispose()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    protected override ICancelable Schedule(TimeSpan delay, TimeSpan? interval, ActorRefBase receiver, Envelope envelope, SystemMessage? system)
    {
        var (origin, sequence) = superstep.NextOrigin();
        var timer = new VirtualTimer(this, Now + delay, interval, receiver, origin, sequence, envelope, system);
        lock (_gate)
        {
            _queue.Enqueue(timer, timer);
        }

        return timer;
    }

    private void OnCancelled()
    {
        lock (_gate)
        {
            // Cancelled timers are dropped lazily; rebuild when they dominate (e.g. many answered asks).
            if (++_cancelled > 1024 && _cancelled > _queue.Count / 2)
            {
                var live = _queue.UnorderedItems.Select(i => i.Element).Where(t => !t.IsCancellationRequested).ToList();
                _queue.Clear();
                foreach (var timer in live)
                {
                    _queue.Enqueue(timer, timer);
                }

                _cancelled = 0;
            }
        }
    }

    private void DropCancelledHead()
    {
        while (_queue.TryPeek(out var timer, out _) && timer.IsCancellationRequested)
        {
            _queue.Dequeue();
            _cancelled--;
        }
    }

    private sealed class VirtualTimer(
        VirtualTimeScheduler owner, TimeSpan due, TimeSpan? interval, ActorRefBase target, ActorPath? origin, long sequence, Envelope envelope, SystemMessage? system)
        : ICancelable
    {
        private SystemMessage? _system = system;
        private volatile bool _cancelled;

        public static IComparer<VirtualTimer> Order { get; } = Comparer<VirtualTimer>.Create(Compare);

        public TimeSpan Due { get; set; } = due;

        public TimeSpan? Interval => interval;

        public ActorRefBase Target => target;

        public ActorPath? Origin => origin;

        public long Sequence => sequence;

        public Envelope Envelope => envelope;

        public bool IsCancellationRequested => _cancelled;

        public void Cancel()
        {
            if (!_cancelled)
            {
                _cancelled = true;
                owner.OnCancelled();
            }
        }

        /// <summary>A fired one-shot timer: cancelling it later is a no-op.</summary>
        public void MarkFired() => _cancelled = true;

        // A system message node can be delivered once; repeated timers carry user messages only.
        public SystemMessage? TakeSystemMessage()
        {
            var message = _system;
            _system = null;
            return message;
        }

        private static int Compare(VirtualTimer? a, VirtualTimer? b)
        {
            if (ReferenceEquals(a, b))
            {
                return 0;
            }

            var byDue = a!.Due.CompareTo(b!.Due);
            if (byDue != 0)
            {
                return byDue;
            }

            var byTarget = a.Target.Path.CompareTo(b.Target.Path);
            if (byTarget != 0)
            {
                return byTarget;
            }

            return PendingDelivery.CompareOrigins(a.Origin, a.Sequence, b.Origin, b.Sequence);
        }
    }
}
