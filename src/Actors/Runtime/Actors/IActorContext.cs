using Microsoft.Extensions.Logging;

namespace EdgeMoE.Actors.Runtime;

/// <summary>What an actor can see and do from inside its handlers. Valid only on the actor's own turn.</summary>
public interface IActorContext
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>Sender of the message being processed (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>Living children (including those being stopped), in creation order.</summary>
    IReadOnlyList<IActorRef> Children { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>
    /// The actor's generator, seeded from (system seed, actor path, incarnation): the same numbers in every run
    /// with the same seed, whatever the thread count; a restarted actor gets a fresh deterministic generator.
    /// </summary>
    Random Random { get; }

    /// <summary>Time since the system started (virtual in virtual mode).</summary>
    TimeSpan Now { get; }

    /// <summary>Logger whose entries carry this actor's path in their scope.</summary>
    ILogger Log { get; }

    /// <summary>
    /// The incarnation of the child that holds <paramref name="name"/> (a stopped child holds it until its termination
    /// has been processed here), or <c>null</c>.
    /// </summary>
    IActorRef? Child(string name);

    /// <summary>
    /// Creates a child with a fresh uid; <paramref name="name"/> (automatic when <c>null</c>) must not be held by a
    /// sibling, living or stopped but whose termination this actor has not processed yet
    /// (<see cref="InvalidActorNameException"/>).
    /// </summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child or this actor itself (asynchronously; children first, then <c>PostStop</c>).</summary>
    void Stop(IActorRef actor);

    /// <summary>Receive <see cref="Terminated"/> once when <paramref name="actor"/> stops (at once if already dead).</summary>
    IActorRef Watch(IActorRef actor);

    /// <summary>Stop watching; no <see cref="Terminated"/> for it is delivered afterwards, even one already queued.</summary>
    void Unwatch(IActorRef actor);

    /// <summary>
    /// Runs asynchronous work as part of the current message: the actor processes nothing else (user or system
    /// messages) until the task completes, and its failure is the actor's failure. Every continuation after an
    /// <c>await</c> runs as a turn of this actor, so Self, Sender and Context stay valid. In virtual time the suspended
    /// work counts as busy unless it waits on an ask or a <see cref="Delay"/>; then only the actor system may resume it
    /// (an ask reply, an elapsed delay, a <see cref="RunExternal{T}"/> result, another actor's turn), else the actor
    /// fails with <see cref="UntrackedAwaitException"/>.
    /// </summary>
    void RunTask(Func<Task> work);

    /// <summary>
    /// Starts work outside the actor system (CPU on the thread pool, I/O) from the actor's own code and returns its
    /// result for the actor to await. <paramref name="work"/> runs without the actor's context (its continuations stay
    /// off the actor). In virtual time the work counts as busy until its result is back at the actor, so the superstep,
    /// deliveries and the clock wait for it: <c>await Context.RunExternal(() =&gt; Task.Run(Compute))</c> is deterministic.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from a thread that is not running this actor's turn.</exception>
    Task<T> RunExternal<T>(Func<Task<T>> work);

    /// <summary><see cref="RunExternal{T}"/> for work without a result.</summary>
    Task RunExternal(Func<Task> work);

    /// <summary>
    /// A task that completes after <paramref name="delay"/> (≥ 0) on the system's clock: virtual time in virtual mode,
    /// where the clock advances to it like a scheduled message (use this, not <c>Task.Delay</c>, in async handlers).
    /// </summary>
    Task Delay(TimeSpan delay);
}
