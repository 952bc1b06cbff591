using Akka.Actor;

namespace EdgeMoE.Actors.Jesa.Messages;

/// <summary>To a link: the expert nodes, by index, it delivers to.</summary>
public sealed record LinkWiring(IActorRef[] Nodes);

/// <summary>To an expert node: its coordinator and its links, <paramref name="Links"/>[i·K + j] for i → j (null on the diagonal).</summary>
public sealed record NodeWiring(IActorRef Coordinator, IActorRef?[] Links);
