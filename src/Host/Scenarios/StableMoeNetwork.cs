using EdgeMoE.Actors.Edge.Channels;
using EdgeMoE.Actors.Edge.Clients;
using EdgeMoE.Actors.Edge.Clock;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Actors.Edge.Policy;
using EdgeMoE.Actors.Edge.Routing;
using EdgeMoE.Actors.Edge.Servers;
using EdgeMoE.Actors.Runtime;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// Wires the Stable-MoE edge network of a <see cref="ScenarioPlan"/> as actors in a fresh virtual-time system and runs
/// it to its last slot. Actor names do not depend on the policy, so every policy of a run meets the same arrivals and
/// initial weights (each actor's generator derives from the seed and its path).
/// </summary>
public static class StableMoeNetwork
{
    /// <summary>Runs <paramref name="policy"/> over the plan's slots, calling <paramref name="onSlot"/> after each.</summary>
    /// <exception cref="InvalidOperationException">An actor failed; the run stops at once with the cause.</exception>
    public static void Run(ScenarioPlan plan, IRoutingPolicy policy, Action<SlotMetrics> onSlot)
    {
        Exception? failure = null;
        var strategy = new OneForOneStrategy(decider: e =>
        {
            Interlocked.CompareExchange(ref failure, e, null);
            return Directive.Stop;
        });
        var system = ActorSystem.Create("edgemoe", plan.Runtime with
        {
            Seed = unchecked((ulong)plan.Seed),
            Parallelism = plan.Threads,
            GuardianStrategy = strategy,
        });
        try
        {
            var completed = false;
            var observer = system.ActorOf(Props.Create(() => new SlotObserverActor(onSlot, () => Volatile.Write(ref completed, true))), "observer");
            Wire(system, plan, policy, observer);
            // Virtual time: the deadline only bounds a run whose slots would never end.
            var deadline = TimeSpan.FromDays(3650);
            system.RunUntil(deadline, () => Volatile.Read(ref completed) || Volatile.Read(ref failure) is not null);
            if (Volatile.Read(ref failure) is { } cause)
            {
                throw new InvalidOperationException($"policy {policy.Name}: an actor failed: {cause.Message}", cause);
            }

            if (!Volatile.Read(ref completed))
            {
                throw new InvalidOperationException($"policy {policy.Name}: the run stalled at virtual time {system.Now}");
            }
        }
        finally
        {
            system.Terminate().GetAwaiter().GetResult();
        }
    }

    private static void Wire(ActorSystem system, ScenarioPlan plan, IRoutingPolicy policy, IActorRef observer)
    {
        var policyActor = system.ActorOf(Props.Create(() => new PolicyActor(policy, plan.Parameters)), "policy");
        var clock = system.ActorOf(Props.Create(() => new SlotClockActor(plan.Schedule, observer)), "clock");
        var servers = plan.Servers
            .Select(s => system.ActorOf(Props.Create(() => new ExpertServerActor(s, policyActor, clock, null)), $"server-{s.Index}"))
            .ToArray();
        var router = system.ActorOf(Props.Create(() => new RouterActor(plan.Router, policyActor, clock)), "router");
        var channels = new IActorRef[servers.Length];
        for (var j = 0; j < servers.Length; j++)
        {
            var index = j;
            channels[j] = system.ActorOf(Props.Create(() => new ChannelActor(index, plan.Links[index], router, servers[index], clock)), $"channel-{j}");
            servers[j].Tell(new ConnectChannel(channels[j]));
        }

        router.Tell(new ConnectServers(channels, servers));
        var client = system.ActorOf(Props.Create(() => new ClientActor(plan.Images.Train, plan.ArrivalRate, router)), "client");
        clock.Tell(new ConnectNetwork(client, router, servers));
    }
}
