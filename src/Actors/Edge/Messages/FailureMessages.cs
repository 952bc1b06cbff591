using Akka.Actor;

namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>A recovered server's fresh actors, by server index.</summary>
/// <param name="Server">Server index j.</param>
/// <param name="ExpertServer">The new server actor (empty queues, fresh weights).</param>
/// <param name="Channel">The new link actor between it and the router.</param>
public sealed record ServerReplacement(int Server, IActorRef ExpertServer, IActorRef Channel);

/// <summary>
/// The clock tells the router, at the start of a slot and before the client's tokens, which servers are down in it,
/// which went down since the slot before (the tokens waiting for those are routed again now) and which servers
/// recovered with fresh actors.
/// </summary>
/// <param name="Slot">The slot.</param>
/// <param name="Down">Per server, true when it is crashed, cut off or lost in this slot.</param>
/// <param name="NewlyDown">Servers down now that were up in the slot before, ascending.</param>
/// <param name="Replaced">Servers that recovered with fresh actors at this slot's start.</param>
public sealed record SlotAvailability(long Slot, bool[] Down, int[] NewlyDown, IReadOnlyList<ServerReplacement> Replaced);

/// <summary>The clock asks its parent to crash (stop abruptly) and recover (start afresh) servers before a slot starts.</summary>
/// <param name="Slot">The slot about to start.</param>
/// <param name="Stop">Servers whose server and link actors stop now.</param>
/// <param name="Start">Servers that get fresh server and link actors now.</param>
public sealed record ApplyCrashes(long Slot, int[] Stop, int[] Start);

/// <summary>The parent's answer to <see cref="ApplyCrashes"/>: the fresh actors of the recovered servers.</summary>
public sealed record CrashesApplied(long Slot, IReadOnlyList<ServerReplacement> Started);

/// <summary>
/// The parent tells the clock that servers were lost without being scheduled to (their node vanished and Akka's
/// DeathWatch reported their actors terminated): the clock stops waiting for them and they stay down.
/// </summary>
/// <param name="Servers">Server indices, ascending.</param>
/// <param name="Where">Where they lived, for events.csv (e.g. <c>node 127.0.0.1:40123</c>).</param>
public sealed record ServersLost(int[] Servers, string Where);

/// <summary>The clock tells the router that servers were lost during <paramref name="Slot"/>: their outputs will not come.</summary>
public sealed record ServersLostInSlot(long Slot, int[] Servers);

/// <summary>
/// A server back from a partition: the tokens it held were routed elsewhere while it was cut off, so it empties its
/// token queue (Q_j = 0); its weights and energy queue stay.
/// </summary>
public sealed record ServerRejoin(long Slot);
