namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The synchronization context an actor's async handler runs under (the role of Akka's ActorTaskScheduler): a
/// continuation posted here becomes a turn of the actor, so code after an <c>await</c> sees the actor's Self, Sender
/// and Context and never runs concurrently with the actor's other code. Each handler gets its own context, retired when
/// the handler fails: what is left of a failed handler must not run against the restarted actor.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    private volatile bool _retired;

    /// <summary>Drops every later continuation of this handler's code (the handler failed).</summary>
    public void Retire() => _retired = true;

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!_retired)
        {
            cell.PostContinuation(d, state, this);
        }
    }

    /// <summary>Runs <paramref name="d"/> at once on the actor's own turn; from any other thread it would race the actor.</summary>
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!cell.IsRunningOnThisThread)
        {
            throw new NotSupportedException($"{cell.Path}: Send to an actor's synchronization context works only on the actor's own turn; use Post.");
        }

        d(state);
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;
}
