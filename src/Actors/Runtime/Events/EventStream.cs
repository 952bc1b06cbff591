namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Publish/subscribe by message type inside one actor system: a subscriber of type T receives every published
/// event assignable to T. Subscriptions are copy-on-write, so publishing never locks.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; <c>false</c> if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (Array.Exists(_subscriptions, s => s.Channel == channel && s.Subscriber.Equals(subscriber)))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, new Subscription(channel, subscriber)];
            return true;
        }
    }

    /// <summary>Removes one subscription, or all of the subscriber's when <paramref name="channel"/> is <c>null</c>.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type? channel = null)
    {
        lock (_gate)
        {
            var kept = Array.FindAll(_subscriptions, s => !(s.Subscriber.Equals(subscriber) && (channel is null || s.Channel == channel)));
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }

    /// <summary>Sends <paramref name="event"/> to every subscriber of a matching type (no sender).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Channel.IsInstanceOfType(@event))
            {
                ((ActorRefBase)subscription.Subscriber).Send(new Envelope(@event, null));
            }
        }
    }

    private sealed record Subscription(Type Channel, IActorRef Subscriber);
}
