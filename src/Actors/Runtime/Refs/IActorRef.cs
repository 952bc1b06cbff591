namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// A handle to an actor: the only way to talk to it. Immutable, thread-safe and comparable by
/// <see cref="Path"/> (value equality), so it can be stored in messages and dictionaries.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's full path including the system address.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends <paramref name="message"/> (fire and forget). <paramref name="sender"/> defaults to the calling
    /// actor's <c>Self</c> when called from inside an actor, otherwise to no sender (replies become dead letters).
    /// </summary>
    void Tell(object message, IActorRef? sender = null);
}
