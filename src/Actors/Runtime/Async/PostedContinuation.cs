namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Work posted to an actor while its async handler is in flight: a continuation (<see cref="Callback"/> with its
/// state), or the handler's completion (no callback; <see cref="State"/> is the handler's task).
/// <see cref="FromOutside"/> marks a virtual-time resumption from outside the actor system while the handler was parked.
/// </summary>
internal readonly record struct PostedContinuation(SendOrPostCallback? Callback, object? State, bool FromOutside);
