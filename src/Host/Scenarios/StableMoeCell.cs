using Akka.Actor;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Clients;
using EdgeMoE.Actors.Edge.Clock;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Policy;
using EdgeMoE.Actors.Edge.Routing;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Actors.Randomness;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// One Stable-MoE cell: its clock, client, router, policy, and the plan's servers with their links, wired as children
/// of the calling actor. Cell c of several names its actors "cell-c-..." and seeds them from "cell-c/...", so cells
/// draw different arrivals and weights; the one-cell scenario keeps the bare names (and so its results).
/// </summary>
/// <param name="Index">The cell's number c (≥ 0).</param>
/// <param name="Prefixed">False for the one-cell scenario: bare actor names and seeds.</param>
internal sealed record StableMoeCell(int Index, bool Prefixed)
{
    /// <summary>The scenario's single cell, with today's actor names.</summary>
    public static StableMoeCell Single { get; } = new(0, false);

    /// <summary>Cell <paramref name="index"/> of a multi-cell network.</summary>
    public static StableMoeCell Numbered(int index) => new(index, true);

    /// <summary>
    /// Wires the cell under <paramref name="context"/>; server j and its link are edge group c·J + j of
    /// <paramref name="placement"/>, so consecutive cells spread over the edge members like the servers of one cell do.
    /// </summary>
    /// <returns>The placed actors on other members, which the caller watches (a lost one ends the run).</returns>
    public IReadOnlyList<IActorRef> Wire(IActorContext context, ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, IActorRef observer)
    {
        // Generators derive from the names the actors had in the retired runtime, so arrivals and weights are unchanged.
        ActorSeed Seed(string name) => ActorSeed.ForUser(plan.Seed, Prefixed ? $"cell-{Index}/{name}" : name);
        string Name(string name) => Prefixed ? $"cell-{Index}-{name}" : name;
        var remote = new List<IActorRef>();
        var policyActor = context.ActorOf(PolicyActor.Props(policy, plan.Parameters, Seed("policy")), Name("policy"));
        var clock = context.ActorOf(SlotClockActor.Props(plan.Schedule, observer), Name("clock"));
        var firstGroup = Index * plan.Servers.Count;
        var servers = plan.Servers
            .Select(s => context.ActorOf(
                placement.Place(ExpertServerActor.Props(s, policyActor, clock, Seed($"server-{s.Index}")), firstGroup + s.Index), Name($"server-{s.Index}")))
            .ToArray();
        var router = context.ActorOf(RouterActor.Props(plan.Router, policyActor, clock, Seed("router")), Name("router"));
        var channels = new IActorRef[servers.Length];
        for (var j = 0; j < servers.Length; j++)
        {
            channels[j] = context.ActorOf(
                placement.Place(ChannelActor.Props(j, plan.Links[j], router, servers[j], clock, Seed($"channel-{j}")), firstGroup + j), Name($"channel-{j}"));
            servers[j].Tell(new ConnectChannel(channels[j]));
            if (placement.MemberOf(firstGroup + j) is not null)
            {
                remote.Add(servers[j]);
                remote.Add(channels[j]);
            }
        }

        router.Tell(new ConnectServers(channels, servers));
        var client = context.ActorOf(ClientActor.Props(plan.Images.Train, plan.ArrivalRate, router, Seed("client")), Name("client"));
        clock.Tell(new ConnectNetwork(client, router, servers));
        return remote;
    }
}
