namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// A handle to one incarnation of an actor: the only way to talk to it. Immutable, thread-safe and comparable by
/// <see cref="Path"/> and its <see cref="ActorPath.Uid"/> (value equality), so it can be stored in messages and
/// dictionaries. A reference to a stopped actor stays distinct from a new actor created under the same name, and
/// what is sent through it goes to dead letters.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's full path including the system address, carrying the incarnation's uid.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends <paramref name="message"/> (fire and forget). <paramref name="sender"/> defaults to the calling
    /// actor's <c>Self</c> when called from inside an actor, otherwise to no sender (replies become dead letters).
    /// </summary>
    void Tell(object message, IActorRef? sender = null);
}
