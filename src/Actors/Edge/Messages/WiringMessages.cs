using Akka.Actor;

namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>Tells a server which channel actor carries its traffic (channels are created after the servers).</summary>
public sealed record ConnectChannel(IActorRef Channel);

/// <summary>Tells the router, by server index, the channel that carries each server's tokens and the server itself (for evaluation).</summary>
public sealed record ConnectServers(IReadOnlyList<IActorRef> Channels, IReadOnlyList<IActorRef> Servers);

/// <summary>Hands the clock the actors it ticks and waits for; the run starts with slot 0 on receipt.</summary>
/// <param name="Client">The token source.</param>
/// <param name="Router">The router (reports, evaluation).</param>
/// <param name="Servers">The expert servers by index.</param>
/// <param name="Policy">The policy, which gets the status of every server that is down (it cannot send its own); null for none.</param>
/// <param name="Channels">The links by server index, asked for their state at checkpoints; null when the run takes none.</param>
public sealed record ConnectNetwork(IActorRef Client, IActorRef Router, IReadOnlyList<IActorRef> Servers, IActorRef? Policy = null, IReadOnlyList<IActorRef>? Channels = null);
