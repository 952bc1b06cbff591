namespace EdgeMoE.Actors.Runtime;

/// <summary>Request-reply and forwarding on top of <see cref="IActorRef.Tell"/>.</summary>
public static class AskExtensions
{
    /// <summary>Like <see cref="Ask{T}(IActorRef, object, TimeSpan)"/> with the system's <see cref="ActorSystemSettings.AskTimeout"/>.</summary>
    public static Task<T> Ask<T>(this IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Ask<T>(message, ((ActorRefBase)target).System.Settings.AskTimeout);
    }

    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns the reply. Faults with
    /// <see cref="AskTimeoutException"/> after <paramref name="timeout"/> (virtual time in virtual mode, where the
    /// system must be driven, e.g. by <c>RunUntilQuiescent</c>), with the cause of a <see cref="Status.Failure"/> reply,
    /// or with <see cref="InvalidCastException"/> for a reply of another type.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var receiver = (ActorRefBase)target;
        var system = receiver.System;

        // While an ask of an actor's async handler is in flight, the suspended handler does not hold up the superstep
        // that will deliver the reply.
        var awaiting = ActorCell.AsyncCurrent?.ExtrasForAsk;
        var promise = new PromiseActorRef<T>(system, system.NextTemporaryPath(), target, awaiting);
        promise.ArmTimeout(system.Timers.ScheduleEnvelope(timeout, promise, new Envelope(AskTimeoutSignal.Instance, null)));
        receiver.Send(new Envelope(message, promise));

        if (awaiting is not null && system.Superstep is not null)
        {
            Superstep.AskStarted(awaiting);
        }

        return promise.Task;
    }

    /// <summary>Sends <paramref name="message"/> keeping the original sender of the message being processed.</summary>
    public static void Forward(this IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        var sender = ActorCell.Current?.CurrentSender;
        ((ActorRefBase)target).Send(new Envelope(message, sender));
    }
}
