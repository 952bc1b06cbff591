namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Lifecycle and supervision traffic between cells. Processed before any user message, one instance per send
/// (each is a node of the mailbox's lock-free system stack).
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>Next node in the mailbox's system-message stack.</summary>
    internal SystemMessage? Next;
}

/// <summary>Construct the actor and run <c>PreStart</c>.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Stop: children first, then <c>PostStop</c>, then tell watchers and parent.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Restart after <paramref name="Cause"/>: new instance, fresh state.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop processing user messages until <see cref="Resume"/> (sent down to children of a failed actor).</summary>
internal sealed class Suspend : SystemMessage;

/// <summary>Continue processing user messages, keeping the actor's state.</summary>
internal sealed class Resume : SystemMessage;

/// <summary>A child reports that it failed and suspended itself; its parent's strategy decides.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}

/// <summary>Ask the watchee to notify the watcher when it terminates.</summary>
internal sealed class Watch(ActorRefBase watchee, ActorRefBase watcher) : SystemMessage
{
    public ActorRefBase Watchee { get; } = watchee;

    public ActorRefBase Watcher { get; } = watcher;
}

/// <summary>Cancel a <see cref="Watch"/>.</summary>
internal sealed class Unwatch(ActorRefBase watchee, ActorRefBase watcher) : SystemMessage
{
    public ActorRefBase Watchee { get; } = watchee;

    public ActorRefBase Watcher { get; } = watcher;
}

/// <summary>The watched (or child) actor has terminated; <paramref name="existenceConfirmed"/> as in <see cref="Terminated"/>.</summary>
internal sealed class DeathWatchNotification(ActorRefBase actor, bool existenceConfirmed) : SystemMessage
{
    public ActorRefBase Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}
