using System.Reflection;
using Akka.Actor;
using Akka.Cluster;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Actors.Edge.Failures;
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
    private readonly Queue<Action> _awaitingMember = new();
    private long _lastSlot = -1;

    public StableMoeRunActor(
        ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, IReadOnlyList<StableMoeCell> cells, Action<int, SlotMetrics> onSlot, TaskCompletionSource outcome,
        Func<int, NetworkCheckpointing> checkpointingOf)
    {
        _outcome = outcome;
        _placement = placement;
        _plan = plan;
        var running = cells.Count;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = c;
            var checkpointing = checkpointingOf(c);
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
                },
                checkpointing.OnSnapshot), cells.Count == 1 ? "observer" : $"observer-{c}");
            var wiring = cells[c];
            // A node crashed by an earlier policy's run must be back (as a new member) before this run places actors.
            WhenPlacementFull(() => Wire(wiring, plan, policy, observer, checkpointing));
        }

        Receive<Terminated>(LostEdgeActor);
        Receive<ApplyCrashes>(Crash);
        Receive<ClusterEvent.MemberUp>(Arrived);
        Receive<ClusterEvent.IClusterDomainEvent>(_ => { });
    }

    private bool OnCluster => _placement.Members.Count > 0;

    protected override void PreStart()
    {
        if (OnCluster)
        {
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        }
    }

    protected override void PostStop()
    {
        if (OnCluster)
        {
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        }
    }

    /// <summary>Runs <paramref name="action"/> now, or once every crashed node's place went to a new member.</summary>
    private void WhenPlacementFull(Action action)
    {
        if (_placement.Vacancies == 0 && _awaitingMember.Count == 0)
        {
            action();
        }
        else
        {
            _awaitingMember.Enqueue(action);
        }
    }

    /// <summary>A member is up: a new edge member (a crashed node's system, started afresh) takes the crashed one's place.</summary>
    private void Arrived(ClusterEvent.MemberUp up)
    {
        if (!up.Member.HasRole(ClusterRoles.Edge) || _placement.Vacancies == 0 || !_placement.IsNewcomer(up.Member.UniqueAddress))
        {
            return;
        }

        _placement.Fill(up.Member.Address);
        while (_placement.Vacancies == 0 && _awaitingMember.TryDequeue(out var action))
        {
            action();
        }
    }

    /// <summary>Props of a run (see the constructor).</summary>
    /// <param name="plan">The scenario.</param>
    /// <param name="policy">The routing policy.</param>
    /// <param name="placement">Where servers and their links live (server j and link j are edge group j).</param>
    /// <param name="onSlot">Called with each slot's metrics, in slot order.</param>
    /// <param name="outcome">Completed after the last slot; failed with the first actor failure or a lost edge actor.</param>
    /// <param name="checkpointing">Snapshots to take and the states to start from.</param>
    public static Props Props(
        ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, Action<SlotMetrics> onSlot, TaskCompletionSource outcome, NetworkCheckpointing checkpointing) =>
        Akka.Actor.Props.Create(() => new StableMoeRunActor(plan, policy, placement, new[] { StableMoeCell.Single }, (_, slot) => onSlot(slot), outcome, _ => checkpointing));

    /// <summary>Props of a run of several independent cells, each its own clock and slots (see <see cref="StableMoeCell"/>).</summary>
    /// <param name="plan">One cell's scenario; every cell has its servers, links and parameters.</param>
    /// <param name="policy">The routing policy of every cell (it must not keep state between decisions).</param>
    /// <param name="placement">Where servers and their links live (server j of cell c is edge group c·J + j).</param>
    /// <param name="cells">Number of cells (≥ 1).</param>
    /// <param name="onSlot">Called with the cell's number and its slot's metrics, in slot order per cell, from any thread.</param>
    /// <param name="outcome">Completed after every cell's last slot; failed with the first actor failure or a lost edge actor.</param>
    /// <param name="checkpointing">Cell c's snapshots to take and states to start from.</param>
    public static Props Cells(
        ScenarioPlan plan, IRoutingPolicy policy, EdgePlacement placement, int cells, Action<int, SlotMetrics> onSlot, TaskCompletionSource outcome,
        Func<int, NetworkCheckpointing> checkpointing)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cells);
        var numbered = Enumerable.Range(0, cells).Select(StableMoeCell.Numbered).ToArray();
        return Akka.Actor.Props.Create(() => new StableMoeRunActor(plan, policy, placement, numbered, onSlot, outcome, checkpointing));
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

        if (OnCluster)
        {
            CrashNodes(crashes.Slot);
        }

        // Servers recovering on a crashed node wait for its new member (a real wait, outside the emulated time).
        var clock = Sender;
        if (crashes.Start.Length == 0)
        {
            clock.Tell(new CrashesApplied(crashes.Slot, []));
            return;
        }

        WhenPlacementFull(() =>
        {
            var started = new List<ServerReplacement>();
            foreach (var j in crashes.Start)
            {
                var fresh = wired.Cell.Restart(Context, _plan, _placement, wired, j, crashes.Slot);
                Watch(wired, cell, j);
                started.Add(fresh);
            }

            clock.Tell(new CrashesApplied(crashes.Slot, started));
        });
    }

    /// <summary>
    /// On a cluster, a scheduled crash-node failure terminates the node's actor system without leaving (its edge
    /// actors were just stopped); <c>edgemoe node</c> then starts a fresh system that joins as a new member.
    /// </summary>
    private void CrashNodes(long slot)
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        foreach (var failure in _plan.Failures?.Failures ?? [])
        {
            if (failure.Kind != FailureKind.CrashNode || failure.FromSlot != slot)
            {
                continue;
            }

            var address = _placement.MemberOf(failure.Target)!;
            var member = cluster.State.Members.FirstOrDefault(m => m.Address.Equals(address));
            if (member is null)
            {
                continue;
            }

            _placement.Vacate(failure.Target, member.UniqueAddress);
            Context.ActorSelection(new RootActorPath(address) / "user" / NodeCrashActor.Name).Tell(new CrashNodeNow(slot));
        }
    }

    private void Watch(StableMoeCell.Wired wired, int cell, int server)
    {
        if (!wired.Remote)
        {
            return;
        }

        foreach (var actor in new[] { wired.Servers[server], wired.Channels[server] }.Where(a => !a.IsNobody()))
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

    private void Wire(StableMoeCell cell, ScenarioPlan plan, IRoutingPolicy policy, IActorRef observer, NetworkCheckpointing checkpointing)
    {
        var wired = cell.Wire(Context, plan, policy, _placement, observer, checkpointing);
        _cells.Add(wired);
        for (var j = 0; j < wired.Servers.Length; j++)
        {
            Watch(wired, _cells.Count - 1, j);
        }
    }
}
