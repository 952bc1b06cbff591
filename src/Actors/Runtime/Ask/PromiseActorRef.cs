namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The temporary actor an ask replies to (<c>/temp/...</c>): the first message completes the task; later ones are
/// dead letters. In virtual time completion is deferred to the end of the delivery round and resumes awaiting code there.
/// </summary>
internal sealed class PromiseActorRef<T>(ActorSystem system, ActorPath path, IActorRef target, ActorCellExtras? awaitingActor)
    : ActorRefBase(system, path)
{
    // Virtual time completes the promise on the driver after a delivery round, and whatever it resumes must be there
    // before the round ends (an actor's await posts its continuation; a Task.WhenAll over the reply completes inline).
    // Real time completes it in the replying actor's turn, which must not run the asker's code.
    private readonly TaskCompletionSource<T> _promise = new(system.IsVirtual ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
    private ICancelable? _timeout;
    private int _completed;

    public Task<T> Task => _promise.Task;

    public void ArmTimeout(ICancelable timeout)
    {
        _timeout = timeout;
        if (Volatile.Read(ref _completed) != 0)
        {
            timeout.Cancel();
        }
    }

    internal override void DeliverUser(in Envelope envelope)
    {
        var message = envelope.Message;
        var sender = envelope.Sender;
        if (System.Superstep is { } superstep)
        {
            superstep.DeferCompletion(() => Complete(message, sender));
        }
        else
        {
            Complete(message, sender);
        }
    }

    internal override void DeliverSystem(SystemMessage message)
    {
        if (message is Watch watch && Volatile.Read(ref _completed) != 0)
        {
            watch.Watcher.SendSystem(new DeathWatchNotification(this, existenceConfirmed: true));
        }
    }

    private void Complete(object message, IActorRef? sender)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            if (message is not AskTimeoutSignal)
            {
                System.PublishDeadLetter(new DeadLetter(message, sender, this));
            }

            return;
        }

        _timeout?.Cancel();
        if (awaitingActor is not null && System.Superstep is not null)
        {
            Superstep.AskCompleted(awaitingActor);
        }

        switch (message)
        {
            case AskTimeoutSignal:
                _promise.SetException(new AskTimeoutException($"Ask of {target.Path} timed out (no reply of type {typeof(T).Name})."));
                break;
            case Status.Failure failure when typeof(T) != typeof(Status.Failure):
                _promise.SetException(failure.Cause);
                break;
            case T reply:
                _promise.SetResult(reply);
                break;
            default:
                _promise.SetException(new InvalidCastException(
                    $"Ask of {target.Path} expected a reply of type {typeof(T).Name} but got {message.GetType().Name}."));
                break;
        }
    }
}
