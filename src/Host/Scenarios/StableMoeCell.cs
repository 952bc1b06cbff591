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
    /// <returns>The cell's actors; the caller watches those placed on other members (a lost one is a lost server).</returns>
    /// <param name="checkpointing">Snapshots to take and the states to start from (the one-cell scenario only).</param>
    public Wired Wire(IActorContext context, ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, IActorRef observer, NetworkCheckpointing checkpointing)
    {
        var policyActor = context.ActorOf(PolicyActor.Props(policy, plan.Parameters, Seed(plan, "policy"), checkpointing.For(PolicyActor.SnapshotName)), Name("policy"));
        var clock = context.ActorOf(
            SlotClockActor.Props(plan.Schedule, observer, plan.Failures, checkpointing.Every, checkpointing.For(SlotClockActor.SnapshotName)), Name("clock"));
        var firstGroup = Index * plan.Servers.Count;
        var servers = plan.Servers.Select(s => WireServer(context, plan, placement, s, firstGroup + s.Index, policyActor, clock, checkpointing)).ToArray();
        var router = context.ActorOf(RouterActor.Props(plan.Router, policyActor, clock, Seed(plan, "router"), checkpointing.For(RouterActor.SnapshotName)), Name("router"));
        var channels = new IActorRef[servers.Length];
        for (var j = 0; j < servers.Length; j++)
        {
            if (servers[j].IsNobody())
            {
                // Dead at the checkpoint, as its server: the clock and router send it nothing until it recovers.
                channels[j] = ActorRefs.Nobody;
                continue;
            }

            channels[j] = context.ActorOf(
                placement.Place(
                    ChannelActor.Props(j, plan.Links[j], router, servers[j], clock, Seed(plan, $"channel-{j}"), checkpointing.For(ChannelActor.SnapshotName(j))),
                    firstGroup + j),
                Name($"channel-{j}"));
            servers[j].Tell(new ConnectChannel(channels[j]));
        }

        router.Tell(new ConnectServers(channels, servers));
        var client = context.ActorOf(
            ClientActor.Props(plan.Images.Train, plan.ArrivalRate, router, Seed(plan, "client"), checkpointing.For(ClientActor.SnapshotName)), Name("client"));
        clock.Tell(new ConnectNetwork(client, router, servers, policyActor, channels));
        return new Wired(this, clock, router, policyActor, servers, channels, placement.MemberOf(firstGroup) is not null);
    }

    /// <summary>
    /// Server <paramref name="settings"/>'s actor, from its checkpointed state when resuming. A server on another member
    /// is deployed with its state's image indices only and gets the images after it, in parts: an overloaded server's
    /// queue holds more images than one remote message may carry.
    /// </summary>
    private IActorRef WireServer(
        IActorContext context, ScenarioPlan plan, EdgePlacement placement, ExpertServerSettings settings, int group, IActorRef policy, IActorRef clock, NetworkCheckpointing checkpointing)
    {
        if (checkpointing.DeadAtCheckpoint(ExpertServerActor.SnapshotName(settings.Index)))
        {
            // Crashed (or lost) when the checkpoint was taken: no actor, as in the run that wrote it; a scheduled
            // recovery starts fresh actors (Restart) exactly as it would have.
            return checkpointing.DeadAtCheckpoint(ChannelActor.SnapshotName(settings.Index))
                ? ActorRefs.Nobody
                : throw new InvalidOperationException($"the checkpoint holds link {settings.Index}'s state but not its server's");
        }

        var restore = checkpointing.For(ExpertServerActor.SnapshotName(settings.Index));
        var remote = placement.MemberOf(group) is not null;
        var deployed = remote && restore is not null ? SnapshotImages.WithoutImages(restore) : restore;
        var server = context.ActorOf(
            placement.Place(ExpertServerActor.Props(settings, policy, clock, Seed(plan, $"server-{settings.Index}"), restore: deployed), group),
            Name($"server-{settings.Index}"));
        if (remote && restore is not null)
        {
            foreach (var part in SnapshotImages.Parts(restore, plan.Images.Train.ImageSize))
            {
                server.Tell(part, context.Self);
            }
        }

        return server;
    }

    /// <summary>
    /// Fresh actors for server <paramref name="server"/> recovering at <paramref name="slot"/>: empty queues, and new
    /// weights and link fading drawn from the seed and the recovery slot (the crashed server's state died with it).
    /// </summary>
    public ServerReplacement Restart(IActorContext context, ScenarioPlan plan, EdgePlacement placement, Wired wired, int server, long slot)
    {
        var group = (Index * plan.Servers.Count) + server;
        var settings = plan.Servers[server];
        var expert = context.ActorOf(
            placement.Place(ExpertServerActor.Props(settings, wired.Policy, wired.Clock, Seed(plan, $"server-{server}/recovered-at-{slot}")), group),
            Name($"server-{server}-recovered-at-{slot}"));
        var channel = context.ActorOf(
            placement.Place(ChannelActor.Props(server, plan.Links[server], wired.Router, expert, wired.Clock, Seed(plan, $"channel-{server}/recovered-at-{slot}")), group),
            Name($"channel-{server}-recovered-at-{slot}"));
        expert.Tell(new ConnectChannel(channel));
        wired.Servers[server] = expert;
        wired.Channels[server] = channel;
        return new ServerReplacement(server, expert, channel);
    }

    // Generators derive from the names the actors had in the retired runtime, so arrivals and weights are unchanged.
    private ActorSeed Seed(ScenarioPlan plan, string name) => ActorSeed.ForUser(plan.Seed, Prefixed ? $"cell-{Index}/{name}" : name);

    private string Name(string name) => Prefixed ? $"cell-{Index}-{name}" : name;

    /// <summary>A wired cell: its coordinator-side actors and, by server index, the current server and link actors.</summary>
    /// <param name="Cell">The cell.</param>
    /// <param name="Clock">Its slot clock.</param>
    /// <param name="Router">Its router.</param>
    /// <param name="Policy">Its policy actor.</param>
    /// <param name="Servers">Server actors by index (replaced when a server recovers).</param>
    /// <param name="Channels">Link actors by index (replaced with their server).</param>
    /// <param name="Remote">True when servers and links live on other members (the caller watches them).</param>
    internal sealed record Wired(StableMoeCell Cell, IActorRef Clock, IActorRef Router, IActorRef Policy, IActorRef[] Servers, IActorRef[] Channels, bool Remote);
}
