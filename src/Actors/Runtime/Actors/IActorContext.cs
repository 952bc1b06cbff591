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
    /// Runs asynchronous work as part of the current message: the actor processes nothing else until the task
    /// completes (its failure is the actor's failure). In virtual time the task counts as work in flight.
    /// </summary>
    void RunTask(Func<Task> work);
}
