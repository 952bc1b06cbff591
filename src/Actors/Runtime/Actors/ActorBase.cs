namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// An actor: override <see cref="OnReceive"/> (a <c>switch</c> over message types) or derive from
/// <see cref="ReceiveActor"/> for <c>Receive&lt;T&gt;</c> handlers. Create it only through <c>ActorOf(Props)</c>.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private Behaviour? _behaviour;

    /// <summary>Binds the instance to the cell that is constructing it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} must be created with ActorOf(Props), not with 'new'.");
    }

    /// <summary>The actor's context.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell.SelfRef;

    /// <summary>Sender of the message being processed.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The actor's stash.</summary>
    protected IStash Stash => _cell.Stash;

    /// <summary>Handles a message of the initial behaviour; call <see cref="Unhandled"/> for messages it does not know.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Called once after construction, before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor and all its children have stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    /// <param name="reason">The exception that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; <c>null</c> takes the props' or the default strategy.</summary>
    protected internal virtual SupervisorStrategy? SupervisorStrategy() => null;

    /// <summary>
    /// Reports a message the current behaviour does not handle: published as <see cref="UnhandledMessage"/>;
    /// an unhandled <see cref="Terminated"/> fails the actor with <see cref="DeathPactException"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, _cell.SelfRef));
    }

    /// <summary>Replaces the current behaviour (the previous one is discarded unless <paramref name="discardOld"/> is false).</summary>
    protected void Become(Action<object> behaviour, bool discardOld = true)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        _behaviour = new Behaviour(behaviour, discardOld ? _behaviour?.Previous : _behaviour);
    }

    /// <summary>Pushes <paramref name="behaviour"/> on top of the current one.</summary>
    protected void BecomeStacked(Action<object> behaviour) => Become(behaviour, discardOld: false);

    /// <summary>Returns to the previous behaviour (the initial one when the stack is empty).</summary>
    protected void Unbecome() => _behaviour = _behaviour?.Previous;

    internal void ReceiveMessage(object message)
    {
        if (_behaviour is { } behaviour)
        {
            behaviour.Handler(message);
        }
        else
        {
            OnReceive(message);
        }
    }

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    private sealed record Behaviour(Action<object> Handler, Behaviour? Previous);
}
