namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Work posted to an actor by its async code: a continuation (<see cref="Callback"/> with its state, run under the
/// <see cref="Context"/> of the handler it belongs to), or the handler's completion (no callback; <see cref="State"/>
/// is the handler's task).
/// <see cref="FromOutside"/> marks a virtual-time resumption from outside the actor system while the handler was parked.
/// </summary>
internal readonly record struct PostedContinuation(SendOrPostCallback? Callback, object? State, ActorSynchronizationContext? Context, bool FromOutside);
