using Akka.Actor;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Actors.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// The root of one partition's networked-MoE run: client c and its link are edge group c of the placement (on a
/// cluster, edge member c mod N), the FL server stays here. Completes <c>ready</c> with the actors once they are wired.
/// </summary>
internal sealed class NmoeRunActor : ReceiveActor
{
    private readonly IReadOnlyList<NmoeClientSetup> _setups;
    private readonly Func<IReadOnlyList<IActorRef>, Props> _serverProps;
    private readonly EdgePlacement _placement;
    private readonly TaskCompletionSource<NmoeActors> _ready;
    private readonly TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A root that builds the clients of <paramref name="setups"/> under <paramref name="placement"/> and a server from <paramref name="serverProps"/>.</summary>
    public NmoeRunActor(IReadOnlyList<NmoeClientSetup> setups, Func<IReadOnlyList<IActorRef>, Props> serverProps, EdgePlacement placement, TaskCompletionSource<NmoeActors> ready)
    {
        (_setups, _serverProps, _placement, _ready) = (setups, serverProps, placement, ready);
        Receive<Terminated>(t => _lost.TrySetResult($"{t.ActorRef.Path.Name} stopped ({Where(t.ActorRef)})"));
    }

    /// <summary>Props of the root.</summary>
    public static Props Props(IReadOnlyList<NmoeClientSetup> setups, Func<IReadOnlyList<IActorRef>, Props> serverProps, EdgePlacement placement, TaskCompletionSource<NmoeActors> ready) =>
        Akka.Actor.Props.Create(() => new NmoeRunActor(setups, serverProps, placement, ready));

    /// <inheritdoc />
    // A client or link that fails is stopped, not restarted empty; the host, which watches through Lost, stops the run.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// <inheritdoc />
    protected override void PreStart()
    {
        var clients = _setups.Select(s => Context.ActorOf(_placement.Place(NmoeClientActor.Props(s), s.Index), $"client-{s.Index}")).ToList();
        var links = _setups.Select(s => Context.ActorOf(_placement.Place(NmoeLinkActor.Props(s.Index), s.Index), $"link-{s.Index}")).ToList();
        for (var c = 0; c < clients.Count; c++)
        {
            clients[c].Tell(new WireClients(links[c], clients));
            links[c].Tell(new WireClients(links[c], clients));
            Context.Watch(clients[c]);
            Context.Watch(links[c]);
        }

        var server = Context.ActorOf(_serverProps(clients), "server");
        _ready.TrySetResult(new NmoeActors(clients, links, server, _lost.Task));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _ready.TrySetException(new InvalidOperationException("the nmoe run stopped before its actors were ready"));
        _lost.TrySetResult("the nmoe run stopped");
    }

    private static string Where(IActorRef actor) =>
        actor.Path.Address.HasGlobalScope ? $"node {actor.Path.Address.Host}:{actor.Path.Address.Port} lost or the actor failed" : "it failed";
}
