namespace EdgeMoE.Actors.Runtime;

/// <summary>User-queue messages the runtime handles itself, in mailbox order (not through the actor's behaviour).</summary>
public abstract record AutoReceivedMessage;

/// <summary>Stops the actor once it reaches the head of the mailbox (messages queued before it are processed first).</summary>
public sealed record PoisonPill : AutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}

/// <summary>Makes the actor fail with <see cref="ActorKilledException"/> (default decider: stop).</summary>
public sealed record Kill : AutoReceivedMessage
{
    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}
