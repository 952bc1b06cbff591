using Akka.Actor;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Actors.Cluster.Membership;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Cluster;

/// <summary>
/// <c>edgemoe node</c>: an edge member that joins its seed nodes and hosts whatever edge actors a coordinator deploys
/// to it, run after run. A run ends when its coordinator leaves or is removed; the node then leaves too and joins
/// afresh, waiting for the next coordinator, until it is stopped (or after one run with <c>--exit-after-run</c>).
/// </summary>
internal static class EdgeNodeHost
{
    /// <summary>Serves runs until <paramref name="stop"/> is cancelled (or one run, when <paramref name="exitAfterRun"/>).</summary>
    /// <param name="start">Starts a fresh member (its role, address, TLS).</param>
    /// <param name="seeds">The seed nodes to join.</param>
    /// <param name="joinTimeout">How long the first join may take; later joins wait without limit.</param>
    /// <param name="exitAfterRun">Serve one run, then return.</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="stop">Cancelled to stop (Ctrl+C, SIGTERM).</param>
    /// <exception cref="BadInputException">No seed node answered within <paramref name="joinTimeout"/> on the first join.</exception>
    public static void Serve(Func<ActorSystem> start, IReadOnlyList<Address> seeds, TimeSpan joinTimeout, bool exitAfterRun, TextWriter log, CancellationToken stop)
    {
        var first = true;
        while (!stop.IsCancellationRequested)
        {
            var system = start();
            var self = Akka.Cluster.Cluster.Get(system).SelfAddress;
            try
            {
                var departed = new TaskCompletionSource<Address>(TaskCreationOptions.RunContinuationsAsynchronously);
                system.ActorOf(
                    CoordinatorDepartureActor.Props(departed, c => log.WriteLine($"node {SeedNodes.Describe(self)}: coordinator {SeedNodes.Describe(c)} joined")),
                    "coordinator-departure");
                system.ActorOf(
                    NodeCrashActor.Props(slot => log.WriteLine($"node {SeedNodes.Describe(self)}: crashing at slot {slot} (a scheduled crash-node failure)")),
                    NodeCrashActor.Name);
                if (!Join(system, seeds, first ? joinTimeout : Timeout.InfiniteTimeSpan, stop))
                {
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    if (system.WhenTerminated.IsCompleted)
                    {
                        // Crashed (or removed) while the news that it is up was still on its way here: the coordinator
                        // had it up and placed actors on it. That is a crash like any other, not a failed join.
                        first = false;
                        log.WriteLine($"node {SeedNodes.Describe(self)}: out of the cluster (crashed or removed) before it saw itself up; joining again as a new member");
                        continue;
                    }

                    throw new BadInputException(
                        $"node {SeedNodes.Describe(self)}: no seed node answered within {joinTimeout.TotalSeconds:0.#} s (edgemoe.cluster.join-timeout). " +
                        $"Seed nodes: {string.Join(", ", seeds.Select(SeedNodes.Describe))}; check the addresses, ports and the cluster's credentials.");
                }

                first = false;
                log.WriteLine($"node {SeedNodes.Describe(self)}: joined as {ClusterRoles.Edge}; waiting for work");
                var ended = Task.WaitAny([departed.Task, system.WhenTerminated, Task.Delay(Timeout.Infinite, stop)]);
                if (ended == 0)
                {
                    log.WriteLine($"node {SeedNodes.Describe(self)}: the run is over (coordinator {SeedNodes.Describe(departed.Task.Result)} left)");
                    if (exitAfterRun)
                    {
                        return;
                    }
                }
                else if (ended == 1)
                {
                    log.WriteLine($"node {SeedNodes.Describe(self)}: out of the cluster (crashed or removed); joining again as a new member");
                }
            }
            finally
            {
                Leave(system);
            }
        }
    }

    private static bool Join(ActorSystem system, IReadOnlyList<Address> seeds, TimeSpan timeout, CancellationToken stop)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        cluster.JoinSeedNodes(seeds);
        var waits = new List<Task> { up.Task, system.WhenTerminated, Task.Delay(Timeout.Infinite, stop) };
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            waits.Add(Task.Delay(timeout, stop));
        }

        Task.WaitAny([.. waits]);
        return up.Task.IsCompleted;
    }

    private static void Leave(ActorSystem system)
    {
        if (system.WhenTerminated.IsCompleted)
        {
            return;
        }

        var cluster = Akka.Cluster.Cluster.Get(system);
        if (cluster.SelfMember.Status == Akka.Cluster.MemberStatus.Removed)
        {
            // Never joined: there is no membership to hand back.
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
            return;
        }

        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.RegisterOnMemberRemoved(() => removed.TrySetResult());
        cluster.Leave(cluster.SelfAddress);
        removed.Task.Wait(TimeSpan.FromSeconds(10));
        system.Terminate().Wait(TimeSpan.FromSeconds(10));
    }
}
