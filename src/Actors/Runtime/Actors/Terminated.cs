namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Delivered once to each watcher (see <see cref="IActorContext.Watch"/>) when the watched actor has stopped,
/// also when it was already dead when watched (or never existed: a stale reference, dead letters, an unresolved path).
/// </summary>
/// <param name="ActorRef">The actor that terminated.</param>
/// <param name="ExistenceConfirmed">
/// <c>true</c> when the actor itself reported its death to a watch it had accepted; <c>false</c> when the watch reached
/// it only after it had terminated, or reached nobody, as in Akka.
/// </param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed = true);
