using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// The parts of an actor cell that most actors never use, allocated on first use so an idle actor stays small:
/// children, death watch, stash, logger, random generator, restart statistics, async state.
/// </summary>
internal sealed class ActorCellExtras
{
    /// <summary>Children by name (in creation order); guarded by locking this dictionary.</summary>
    public Dictionary<string, ActorCell>? Children;

    /// <summary>Children asked to stop that have not confirmed yet.</summary>
    public HashSet<ActorCell>? Dying;

    /// <summary>Counter for automatic child names.</summary>
    public long NextChildNumber;

    /// <summary>Children created so far, named or not: the creation count that makes each child's uid distinct.</summary>
    public long ChildrenCreated;

    /// <summary>Actors this one watches.</summary>
    public HashSet<IActorRef>? Watching;

    /// <summary>Watched actors whose <see cref="Terminated"/> sits in the mailbox: still wanted (true) or unwatched meanwhile (false).</summary>
    public Dictionary<IActorRef, bool>? TerminatedQueued;

    /// <summary>Actors watching this one.</summary>
    public HashSet<ActorRefBase>? WatchedBy;

    /// <summary>Stashed messages, oldest first.</summary>
    public List<Envelope>? Stash;

    /// <summary>The <see cref="IStash"/> handed to the actor.</summary>
    public IStash? StashView;

    /// <summary>Unstashed messages, processed before the mailbox.</summary>
    public Queue<Envelope>? Prepended;

    public ILogger? Logger;

    public Random? Random;

    /// <summary>Cause of a restart that waits for the old instance's children to stop.</summary>
    public Exception? PendingRestartCause;

    /// <summary><see cref="DispatcherKind.DedicatedThread"/> actors: their thread.</summary>
    public DedicatedThread? Thread;

    /// <summary>A <c>RunTask</c> of this actor is in flight: the mailbox waits for its task; guarded by locking the extras.</summary>
    public volatile bool Awaiting;

    /// <summary>The task of the async handler in flight, if any.</summary>
    public Task? Handler;

    /// <summary>Continuations posted to the actor and not yet run, oldest first; guarded by locking the extras.</summary>
    public Queue<PostedContinuation>? Posted;

    /// <summary>The synchronization context of the latest async handler.</summary>
    public ActorSynchronizationContext? TurnContext;

    /// <summary>Virtual time: how the suspended handler is counted (see <see cref="ActorCell.RunTask"/>); guarded by locking the extras.</summary>
    public AsyncAccounting Accounting;

    /// <summary>Virtual time: asks and delays (<c>Context.Delay</c>) of this actor's async code not yet completed.</summary>
    public int PendingAsks;
}

/// <summary>How an actor's async handler counts towards virtual-time quiescence.</summary>
internal enum AsyncAccounting
{
    /// <summary>No handler is suspended (none in flight, or it runs or has been posted): the turn itself holds the superstep.</summary>
    None,

    /// <summary>Suspended on something the actor system does not track: quiescence waits for it.</summary>
    Counted,

    /// <summary>Suspended with an ask or delay in flight, whose completion needs a later superstep: quiescence does not wait.</summary>
    Parked,
}
