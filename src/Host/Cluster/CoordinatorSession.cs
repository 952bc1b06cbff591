using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.Singleton;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Actors.Cluster.Coordination;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Cluster;

/// <summary>
/// The coordinator's membership of a cluster for one <c>edgemoe run</c>: it joins, waits for the edge members, hosts
/// the policy runs in its cluster singleton and places their edge actors on the edge members; disposing it leaves the
/// cluster, which releases the edge nodes for the next run.
/// </summary>
internal sealed class CoordinatorSession : IDisposable
{
    private static readonly TimeSpan SingletonTimeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, long> _slots = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _ejected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IActorRef _lossLog = ActorRefs.Nobody;

    private CoordinatorSession(ActorSystem system, IActorRef runHost, EdgePlacement placement)
    {
        System = system;
        RunHost = runHost;
        Placement = placement;
    }

    /// <summary>The coordinator's actor system (a cluster member with the coordinator role).</summary>
    public ActorSystem System { get; }

    /// <summary>The singleton every policy run is a child of.</summary>
    public IActorRef RunHost { get; }

    /// <summary>Where edge actors go: edge group j on edge member j mod N.</summary>
    public EdgePlacement Placement { get; }

    /// <summary>
    /// Completes, with the reason, when this coordinator is out of the cluster before the session ends: the split-brain
    /// resolver downed it, or its system stopped. A run waiting on the cluster then fails at once instead of waiting
    /// for members and slots that can no longer come.
    /// </summary>
    public Task<string> Ejected => _ejected.Task;

    /// <summary>This member's address.</summary>
    public Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;

    /// <summary>Starts the coordinator, joins <paramref name="seeds"/> and waits for <paramref name="minEdgeNodes"/> edge members.</summary>
    /// <param name="system">A started member with the coordinator role (<see cref="ClusterNodeSystem"/>); disposed with the session.</param>
    /// <param name="seeds">Seed nodes; empty makes this member the first seed (it forms a new cluster).</param>
    /// <param name="minEdgeNodes">Edge members to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="log">Progress lines.</param>
    /// <exception cref="BadInputException">The cluster did not form, or another coordinator already drives it.</exception>
    /// <param name="failure">Completes with a reason to give up at once while waiting for the edge members (e.g. a local node exited); null for none.</param>
    public static CoordinatorSession Join(
        ActorSystem system, IReadOnlyList<Address> seeds, int minEdgeNodes, TimeSpan timeout, TextWriter log, Task<string>? failure = null)
    {
        try
        {
            var self = Akka.Cluster.Cluster.Get(system).SelfAddress;
            var joinTo = seeds.Count == 0 ? [self] : seeds;
            var edges = ClusterFormation.AwaitEdgeMembers(system, joinTo, minEdgeNodes, timeout, failure);
            RefuseSecondCoordinator(system);
            var started = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(
                ClusterSingletonManager.Props(
                    RunHostActor.Props(started), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system).WithRole(ClusterRoles.Coordinator)),
                "coordinator");
            var host = AwaitSingleton(system, started.Task);
            log.WriteLine($"cluster: coordinator {SeedNodes.Describe(self)} with {edges.Count} edge node(s): {string.Join(", ", edges.Select(SeedNodes.Describe))}");
            var session = new CoordinatorSession(system, host, EdgePlacement.OnMembers(edges));
            session.WatchEjection();
            session._lossLog = system.ActorOf(MemberLossLogActor.Props(session.Progress), "member-loss-log");
            return session;
        }
        catch
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
            throw;
        }
    }

    /// <summary>An older coordinator in the cluster holds the singleton for good: say so at once rather than wait for it.</summary>
    private static void RefuseSecondCoordinator(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var self = cluster.State.Members.FirstOrDefault(m => m.Address.Equals(cluster.SelfAddress));
        var older = self is null ? null : cluster.State.Members.FirstOrDefault(m =>
            m.HasRole(ClusterRoles.Coordinator) && !m.Address.Equals(self.Address) && m.Status == MemberStatus.Up && m.IsOlderThan(self));
        if (older is not null)
        {
            throw AnotherCoordinator(older.Address);
        }
    }

    private static BadInputException AnotherCoordinator(Address other) =>
        new($"another coordinator ({SeedNodes.Describe(other)}) already drives this cluster: one run at a time per cluster");

    private void WatchEjection()
    {
        Akka.Cluster.Cluster.Get(System).RegisterOnMemberRemoved(() => _ejected.TrySetResult(EjectionReason()));
        System.WhenTerminated.ContinueWith(_ => _ejected.TrySetResult(EjectionReason()), TaskScheduler.Default);
    }

    /// <summary>Why this member is out, from the reason its coordinated shutdown ran for.</summary>
    private string EjectionReason() => CoordinatedShutdown.Get(System).ShutdownReason switch
    {
        null or CoordinatedShutdown.ClusterDowningReason =>
            "the coordinator is no longer a cluster member: the split-brain resolver downed it after members stopped hearing each "
            + "other's heartbeats (a machine too busy for akka.cluster.failure-detector.acceptable-heartbeat-pause, or a network partition)",
        var other => $"the coordinator is no longer a cluster member: its actor system shut down ({other.GetType().Name})",
    };

    /// <summary>Records the last slot a policy finished, for the warning when a node is lost.</summary>
    public void SlotFinished(string policy, long slot) => _slots[policy] = slot;

    public void Dispose()
    {
        // Edge nodes leave as soon as we do: that is the end of the run, not a loss to report.
        try
        {
            _lossLog.GracefulStop(TimeSpan.FromSeconds(5)).Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Already gone with its system.
        }

        // Leaving (rather than vanishing) tells every edge node the run is over at once.
        var cluster = Akka.Cluster.Cluster.Get(System);
        var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberRemoved(() => left.TrySetResult());
        cluster.Leave(cluster.SelfAddress);
        left.Task.Wait(TimeSpan.FromSeconds(10));
        System.Terminate().Wait(TimeSpan.FromSeconds(10));
    }

    private string Progress()
    {
        var running = _slots.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} at slot {p.Value + 1}").ToArray();
        return running.Length == 0 ? "before the first slot" : "during " + string.Join(", ", running);
    }

    /// <summary>
    /// The singleton, which its manager starts here only when this is the oldest coordinator (a moment after joining): a
    /// cluster some other coordinator already drives never hosts our runs.
    /// </summary>
    private static IActorRef AwaitSingleton(ActorSystem system, Task<IActorRef> started)
    {
        if (Task.WaitAny([started, system.WhenTerminated], SingletonTimeout) == 0)
        {
            return started.Result;
        }

        var self = Akka.Cluster.Cluster.Get(system);
        var other = self.State.Members.FirstOrDefault(m => m.HasRole(ClusterRoles.Coordinator) && !m.Address.Equals(self.SelfAddress));
        throw other is null
            ? new BadInputException($"the coordinator's singleton did not start within {SingletonTimeout.TotalSeconds:0} s")
            : AnotherCoordinator(other.Address);
    }
}
