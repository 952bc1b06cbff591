namespace EdgeMoE.Actors.Runtime;

/// <summary>The actor's constructor, <c>PreStart</c> or <c>PostRestart</c> threw; the default decider stops it.</summary>
public sealed class ActorInitializationException(IActorRef actor, string message, Exception? inner)
    : Exception(message, inner)
{
    /// <summary>The actor that failed to start.</summary>
    public IActorRef Actor { get; } = actor;
}

/// <summary>Thrown inside an actor that received <see cref="Kill"/>; the default decider stops it.</summary>
public sealed class ActorKilledException(string message) : Exception(message);

/// <summary>An actor received <see cref="Terminated"/> for a watched actor and did not handle it.</summary>
public sealed class DeathPactException(IActorRef dead)
    : Exception($"Unhandled Terminated for {dead.Path}: a watching actor must handle Terminated or it fails.")
{
    /// <summary>The watched actor that terminated.</summary>
    public IActorRef DeadActor { get; } = dead;
}

/// <summary>An actor name is malformed or still held by a sibling (living, or stopped and its termination not yet processed).</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);

/// <summary>An <c>Ask</c> got no reply within its timeout (virtual time in virtual mode).</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);

/// <summary>
/// Virtual time: an async handler that waited on the actor system (an ask or delay in flight) was resumed by work the system
/// does not track (a raw <c>Task.Run</c>, <c>Task.Delay</c>, I/O), so the superstep it resumes in would depend on
/// thread timing. Run such work through <c>Context.RunExternal</c>. The actor fails; its supervisor decides.
/// </summary>
public sealed class UntrackedAwaitException(IActorRef actor, string message) : InvalidOperationException(message)
{
    /// <summary>The actor whose handler was resumed.</summary>
    public IActorRef Actor { get; } = actor;
}
