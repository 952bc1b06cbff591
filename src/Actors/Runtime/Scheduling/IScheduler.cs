namespace EdgeMoE.Actors.Runtime;

/// <summary>Delayed and periodic messages, on the system's clock (virtual in virtual mode: nothing waits on the wall clock).</summary>
public interface IScheduler
{
    /// <summary>Time since the system started.</summary>
    TimeSpan Now { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="receiver"/> after <paramref name="delay"/> (≥ 0).</summary>
    /// <param name="sender">Sender of the message; defaults to the calling actor, if any.</param>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/> (&gt; 0) until cancelled.</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender = null);
}
