using Akka.Actor;

namespace EdgeMoE.Actors.Cluster.Membership;

/// <summary>
/// On an edge node, at <c>/user/node-crash</c>: a scheduled crash-node failure (<see cref="CrashNodeNow"/>) terminates
/// the node's actor system at once, without leaving the cluster, as a crashed machine would. The cluster then finds it
/// unreachable and the split-brain resolver removes it; <c>edgemoe node</c> starts a fresh system, which joins again
/// as a new member (the recovery).
/// </summary>
public sealed class NodeCrashActor : ReceiveActor
{
    /// <summary>The actor's name under /user.</summary>
    public const string Name = "node-crash";

    public NodeCrashActor(Action<long> crashing)
    {
        Receive<CrashNodeNow>(m =>
        {
            crashing(m.Slot);
            // Edge members run with coordinated-shutdown.run-by-actor-system-terminate = off: this does not leave. Off the
            // actor's thread: the crash waits for the listener to close.
            var system = Context.System;
            _ = Task.Run(() => AbruptStop.Crash(system));
        });
    }

    /// <summary>Props of the actor (see the constructor).</summary>
    /// <param name="crashing">Told the slot just before the system goes (for the node's log).</param>
    public static Props Props(Action<long> crashing) => Akka.Actor.Props.Create(() => new NodeCrashActor(crashing));
}

/// <summary>The coordinator crashes this edge node for a scheduled crash-node failure starting at <paramref name="Slot"/>.</summary>
public sealed record CrashNodeNow(long Slot);
