namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// An actor that declares typed handlers in its constructor: <c>Receive&lt;Ping&gt;(p =&gt; ...)</c>,
/// <c>ReceiveAsync&lt;Job&gt;(async j =&gt; ...)</c>. <see cref="Become(Action)"/> swaps in another set of handlers.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly MessageHandlers _initial = new();
    private MessageHandlers? _configuring;

    /// <summary>Handles messages of type <typeparamref name="T"/> (matching <paramref name="when"/>, if given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? when = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_configuring ?? _initial).Add(new MessageHandlers.Of<T>(handler, when));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously; the actor processes nothing else until the task completes.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? when = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Receive<T>(message => Context.RunTask(() => handler(message)), when);
    }

    /// <summary>Handles every message not matched by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes the handlers that <paramref name="configure"/> declares on top of the current behaviour.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    /// <inheritdoc />
    protected sealed override void OnReceive(object message)
    {
        if (!_initial.TryHandle(message))
        {
            Unhandled(message);
        }
    }

    private Action<object> Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new MessageHandlers();
        _configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuring = null;
        }

        return message =>
        {
            if (!handlers.TryHandle(message))
            {
                Unhandled(message);
            }
        };
    }
}
