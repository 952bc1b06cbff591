using Akka.Actor;
using Akka.Configuration;
using EdgeMoE.Actors.Cluster.Coordination;
using EdgeMoE.Actors.Cluster.Placement;
using EdgeMoE.Host.Cluster;

namespace EdgeMoE.Host.Scenarios;

/// <summary>Where a policy's network runs: a fresh actor system in this process, or a cluster the coordinator joined.</summary>
internal abstract class EmulationSite
{
    /// <summary>A fresh actor system per policy run, every actor in this process.</summary>
    public static EmulationSite Local(Config akka, int threads) => new LocalSite(akka, threads);

    /// <summary>The coordinator's cluster: the run's parent is a child of its singleton, edge actors on the edge members.</summary>
    public static EmulationSite OnCluster(CoordinatorSession session) => new ClusterSite(session);

    /// <summary>Starts the run's parent actor, made by <paramref name="runProps"/> for this site's placement.</summary>
    /// <param name="name">A name unique among the runs in progress (the policy's).</param>
    /// <param name="runProps">The parent's Props given where its edge actors go.</param>
    /// <returns>Stops the run and everything it started, wherever it runs.</returns>
    public abstract IDisposable Start(string name, Func<EdgePlacement, Props> runProps);

    /// <summary>Edge nodes the site spreads servers over (server j on node j mod N); null in one process.</summary>
    public virtual int? EdgeNodes => null;

    /// <summary>Completes, with the reason, when the site can no longer run anything (a coordinator downed by the cluster); null in one process.</summary>
    public virtual Task<string>? Lost => null;

    /// <summary>
    /// Blocks until <paramref name="outcome"/> completes and returns its result, or throws at once when the site is
    /// <see cref="Lost"/> first.
    /// </summary>
    /// <exception cref="RunStoppedException">The site was lost; the message says why.</exception>
    public T Await<T>(Task<T> outcome, string what)
    {
        if (Lost is { } lost && Task.WaitAny(outcome, lost) == 1)
        {
            throw new RunStoppedException($"{what}: {lost.Result}; the run cannot go on");
        }

        return outcome.GetAwaiter().GetResult();
    }

    /// <summary>Notes that <paramref name="policy"/> finished <paramref name="slot"/> (for messages about lost nodes).</summary>
    public virtual void SlotFinished(string policy, long slot)
    {
    }

    private sealed class LocalSite(Config akka, int threads) : EmulationSite
    {
        public override IDisposable Start(string name, Func<EdgePlacement, Props> runProps)
        {
            var system = EmulationActorSystem.Create("edgemoe", akka, threads);
            system.ActorOf(runProps(EdgePlacement.Local), "run");
            return new Stop(() => system.Terminate().GetAwaiter().GetResult());
        }
    }

    private sealed class ClusterSite(CoordinatorSession session) : EmulationSite
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

        public override IDisposable Start(string name, Func<EdgePlacement, Props> runProps)
        {
            var hosted = Await(session.RunHost.Ask<RunHostActor.RunHosted>(new RunHostActor.HostRun("run-" + name, runProps(session.Placement)), Patience), $"policy {name}");
            return new Stop(() =>
            {
                try
                {
                    hosted.Run.GracefulStop(Patience).GetAwaiter().GetResult();
                }
                catch (TaskCanceledException)
                {
                    // Children on a lost node never confirm their stop; the run is over either way.
                }
            });
        }

        public override int? EdgeNodes => session.Placement.Members.Count;

        public override Task<string>? Lost => session.Ejected;

        public override void SlotFinished(string policy, long slot) => session.SlotFinished(policy, slot);
    }

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
