namespace EdgeMoE.Actors.Runtime;

/// <summary>The ordered <c>Receive&lt;T&gt;</c> handlers of one behaviour of a <see cref="ReceiveActor"/>; the first match wins.</summary>
internal sealed class MessageHandlers
{
    private Handler[] _handlers = [];

    public void Add(Handler handler) => _handlers = [.. _handlers, handler];

    public bool TryHandle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }

    internal abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    internal sealed class Of<T>(Action<T> action, Predicate<T>? when) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (when is null || when(typed)))
            {
                action(typed);
                return true;
            }

            return false;
        }
    }
}
