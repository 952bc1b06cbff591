using System.Reflection;
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
/// The parent of one policy run's network: wires the edge actors as its children and reports the run's outcome to
/// the host through <c>outcome</c>: completed after the last slot, or failed with the first child's exception (the
/// failed child is stopped and the host ends the run at once).
/// </summary>
internal sealed class StableMoeRunActor : ReceiveActor
{
    private readonly TaskCompletionSource _outcome;
    private readonly EdgePlacement _placement;
    private long _lastSlot = -1;

    public StableMoeRunActor(ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, Action<SlotMetrics> onSlot, TaskCompletionSource outcome)
    {
        _outcome = outcome;
        _placement = placement;
        var observer = Context.ActorOf(SlotObserverActor.Props(
            slot =>
            {
                Volatile.Write(ref _lastSlot, slot.Slot);
                onSlot(slot);
            },
            () => outcome.TrySetResult()), "observer");
        Wire(plan, policy, observer);
        Receive<Terminated>(LostEdgeActor);
    }

    /// <summary>Props of a run (see the constructor).</summary>
    /// <param name="plan">The scenario.</param>
    /// <param name="policy">The routing policy.</param>
    /// <param name="placement">Where servers and their links live (server j and link j are edge group j).</param>
    /// <param name="onSlot">Called with each slot's metrics, in slot order.</param>
    /// <param name="outcome">Completed after the last slot; failed with the first actor failure or a lost edge actor.</param>
    public static Props Props(ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, Action<SlotMetrics> onSlot, TaskCompletionSource outcome) =>
        Akka.Actor.Props.Create(() => new StableMoeRunActor(plan, policy, placement, onSlot, outcome));

    /// <summary>A placed edge actor stopped without failing here: its node was lost (the run cannot go on without it).</summary>
    private void LostEdgeActor(Terminated terminated)
    {
        var node = terminated.ActorRef.Path.Address;
        _outcome.TrySetException(new EdgeNodeLostException(
            $"{terminated.ActorRef.Path.Name} on edge node {node.Host}:{node.Port} was lost during slot {Volatile.Read(ref _lastSlot) + 1}; the run cannot go on without it"));
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(
        failure =>
        {
            _outcome.TrySetException(Cause(failure));
            return Directive.Stop;
        },
        loggingEnabled: false);

    /// <summary>The exception an actor threw, without the wrappers Akka adds around a failing constructor.</summary>
    private static Exception Cause(Exception failure)
    {
        while (failure is ActorInitializationException or TargetInvocationException && failure.InnerException is { } inner)
        {
            failure = inner;
        }

        return failure;
    }

    private void Wire(ScenarioPlan plan, IRoutingPolicy policy, IActorRef observer)
    {
        // Generators derive from the names the actors had in the retired runtime, so arrivals and weights are unchanged.
        ActorSeed Seed(string name) => ActorSeed.ForUser(plan.Seed, name);
        var context = Context;
        var policyActor = context.ActorOf(PolicyActor.Props(policy, plan.Parameters, Seed("policy")), "policy");
        var clock = context.ActorOf(SlotClockActor.Props(plan.Schedule, observer), "clock");
        var servers = plan.Servers
            .Select(s => context.ActorOf(_placement.Place(ExpertServerActor.Props(s, policyActor, clock, Seed($"server-{s.Index}")), s.Index), $"server-{s.Index}"))
            .ToArray();
        var router = context.ActorOf(RouterActor.Props(plan.Router, policyActor, clock, Seed("router")), "router");
        var channels = new IActorRef[servers.Length];
        for (var j = 0; j < servers.Length; j++)
        {
            channels[j] = context.ActorOf(_placement.Place(ChannelActor.Props(j, plan.Links[j], router, servers[j], clock, Seed($"channel-{j}")), j), $"channel-{j}");
            servers[j].Tell(new ConnectChannel(channels[j]));
            if (_placement.MemberOf(j) is not null)
            {
                context.Watch(servers[j]);
                context.Watch(channels[j]);
            }
        }

        router.Tell(new ConnectServers(channels, servers));
        var client = context.ActorOf(ClientActor.Props(plan.Images.Train, plan.ArrivalRate, router, Seed("client")), "client");
        clock.Tell(new ConnectNetwork(client, router, servers));
    }
}
