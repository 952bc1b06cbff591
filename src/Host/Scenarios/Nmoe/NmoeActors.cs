using Akka.Actor;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>The actors of one partition's run, as the host drives them.</summary>
/// <param name="Clients">The client actors, by index.</param>
/// <param name="Links">Each client's link, by index.</param>
/// <param name="Server">The FL server.</param>
/// <param name="Lost">Completes with the reason when a client or link stops before the run ends (its node was lost).</param>
internal sealed record NmoeActors(IReadOnlyList<IActorRef> Clients, IReadOnlyList<IActorRef> Links, IActorRef Server, Task<string> Lost);
