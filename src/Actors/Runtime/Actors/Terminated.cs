namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Delivered once to each watcher (see <see cref="IActorContext.Watch"/>) when the watched actor has stopped,
/// also when it was already dead when watched.
/// </summary>
/// <param name="ActorRef">The actor that terminated.</param>
public sealed record Terminated(IActorRef ActorRef);
