using System.Reflection;
using Akka.Actor;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Actors.Edge.Messages;
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
    private readonly ScenarioPlan _plan;
    private readonly List<StableMoeCell.Wired> _cells = [];
    private readonly Dictionary<IActorRef, (int Cell, int Server)> _placed = [];
    private long _lastSlot = -1;

    public StableMoeRunActor(
        ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, IReadOnlyList<StableMoeCell> cells, Action<int, SlotMetrics> onSlot, TaskCompletionSource outcome)
    {
        _outcome = outcome;
        _placement = placement;
        _plan = plan;
        var running = cells.Count;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = c;
            var observer = Context.ActorOf(SlotObserverActor.Props(
                slot =>
                {
                    Volatile.Write(ref _lastSlot, slot.Slot);
                    onSlot(cell, slot);
                },
                () =>
                {
                    // Observers of different cells run on different threads: the last cell to finish ends the run.
                    if (Interlocked.Decrement(ref running) == 0)
                    {
                        outcome.TrySetResult();
                    }
                }), cells.Count == 1 ? "observer" : $"observer-{c}");
            Wire(cells[c], plan, policy, observer);
        }

        Receive<Terminated>(LostEdgeActor);
        Receive<ApplyCrashes>(Crash);
    }

    /// <summary>Props of a run (see the constructor).</summary>
    /// <param name="plan">The scenario.</param>
    /// <param name="policy">The routing policy.</param>
    /// <param name="placement">Where servers and their links live (server j and link j are edge group j).</param>
    /// <param name="onSlot">Called with each slot's metrics, in slot order.</param>
    /// <param name="outcome">Completed after the last slot; failed with the first actor failure or a lost edge actor.</param>
    public static Props Props(ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, Action<SlotMetrics> onSlot, TaskCompletionSource outcome) =>
        Akka.Actor.Props.Create(() => new StableMoeRunActor(plan, policy, placement, new[] { StableMoeCell.Single }, (_, slot) => onSlot(slot), outcome));

    /// <summary>Props of a run of several independent cells, each its own clock and slots (see <see cref="StableMoeCell"/>).</summary>
    /// <param name="plan">One cell's scenario; every cell has its servers, links and parameters.</param>
    /// <param name="policy">The routing policy of every cell (it must not keep state between decisions).</param>
    /// <param name="placement">Where servers and their links live (server j of cell c is edge group c·J + j).</param>
    /// <param name="cells">Number of cells (≥ 1).</param>
    /// <param name="onSlot">Called with the cell's number and its slot's metrics, in slot order per cell, from any thread.</param>
    /// <param name="outcome">Completed after every cell's last slot; failed with the first actor failure or a lost edge actor.</param>
    public static Props Cells(ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, int cells, Action<int, SlotMetrics> onSlot, TaskCompletionSource outcome)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cells);
        var numbered = Enumerable.Range(0, cells).Select(StableMoeCell.Numbered).ToArray();
        return Akka.Actor.Props.Create(() => new StableMoeRunActor(plan, policy, placement, numbered, onSlot, outcome));
    }

    /// <summary>
    /// A placed edge actor stopped without being told to: its node was lost (Akka's DeathWatch says so once the cluster
    /// removed the node). Its server is lost for the rest of the run; the cell's clock stops waiting for it.
    /// </summary>
    private void LostEdgeActor(Terminated terminated)
    {
        if (!_placed.Remove(terminated.ActorRef, out var placed))
        {
            return;
        }

        var node = terminated.ActorRef.Path.Address;
        _cells[placed.Cell].Clock.Tell(new ServersLost([placed.Server], $"node {node.Host}:{node.Port}"));
    }

    /// <summary>Scheduled crashes and recoveries of a cell's servers, applied before its clock opens the slot.</summary>
    private void Crash(ApplyCrashes crashes)
    {
        var cell = _cells.FindIndex(c => c.Clock.Equals(Sender));
        if (cell < 0)
        {
            throw new InvalidOperationException($"crashes asked by {Sender.Path}, which is no cell's clock");
        }

        var wired = _cells[cell];
        foreach (var j in crashes.Stop)
        {
            // Abruptly: the actors stop with whatever they held (queues, weights); nobody is told.
            foreach (var actor in new[] { wired.Servers[j], wired.Channels[j] })
            {
                _placed.Remove(actor);
                Context.Unwatch(actor);
                Context.Stop(actor);
            }
        }

        var started = new List<ServerReplacement>();
        foreach (var j in crashes.Start)
        {
            var fresh = wired.Cell.Restart(Context, _plan, _placement, wired, j, crashes.Slot);
            Watch(wired, cell, j);
            started.Add(fresh);
        }

        Sender.Tell(new CrashesApplied(crashes.Slot, started));
    }

    private void Watch(StableMoeCell.Wired wired, int cell, int server)
    {
        if (!wired.Remote)
        {
            return;
        }

        foreach (var actor in new[] { wired.Servers[server], wired.Channels[server] })
        {
            _placed[actor] = (cell, server);
            Context.Watch(actor);
        }
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

    private void Wire(StableMoeCell cell, ScenarioPlan plan, IRoutingPolicy policy, IActorRef observer)
    {
        var wired = cell.Wire(Context, plan, policy, _placement, observer);
        _cells.Add(wired);
        for (var j = 0; j < wired.Servers.Length; j++)
        {
            Watch(wired, _cells.Count - 1, j);
        }
    }
}
