namespace EdgeMoE.Actors.Runtime;

/// <summary>The scheduler API on top of one timer primitive that real and virtual time implement.</summary>
internal abstract class TimerScheduler : IScheduler, IDisposable
{
    public abstract TimeSpan Now { get; }

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, null, (ActorRefBase)receiver, new Envelope(message, sender ?? ActorCell.CurrentSelf), null);
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(initialDelay, interval, (ActorRefBase)receiver, new Envelope(message, sender ?? ActorCell.CurrentSelf), null);
    }

    /// <summary>Sends a user message with exactly this sender after <paramref name="delay"/>.</summary>
    public ICancelable ScheduleEnvelope(TimeSpan delay, ActorRefBase receiver, in Envelope envelope) =>
        Schedule(delay, null, receiver, envelope, null);

    /// <summary>Sends a system message (e.g. a back-off restart) after <paramref name="delay"/>.</summary>
    public ICancelable ScheduleSystem(TimeSpan delay, ActorRefBase receiver, SystemMessage message) =>
        Schedule(delay, null, receiver, default, message);

    public abstract void Dispose();

    protected abstract ICancelable Schedule(TimeSpan delay, TimeSpan? interval, ActorRefBase receiver, Envelope envelope, SystemMessage? system);
}
