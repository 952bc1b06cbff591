using Akka.Actor;
using EdgeMoE.Actors.Mec;
using EdgeMoE.Models.Data.Regression;
using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>Starts one run of the synthetic task family on an actor system: a coordinator with its user and M servers.</summary>
public static class SyntheticMecRun
{
    /// <summary>Spawns the run's actors, from <paramref name="resume"/> if given; its task completes with G_t over the run once step T is done.</summary>
    public static MecRunHandle Start(ActorSystem system, MecSettings settings, MecRunKey key, MecRunSnapshot? resume = null, MecRunCheckpoints? checkpoints = null)
    {
        var servers = MecServers.Draw(settings, key.Seed, key.Experts);
        var taskSeed = DerivedSeeds.For(key.Seed, "mec-tasks").Next();
        // The same seed gives the same ground truths in the user and in the servers' error oracle.
        var stream = new ClusteredLinearRegression(settings.Stream, taskSeed);
        var truths = Enumerable.Range(0, settings.Stream.Clusters).Select(n => stream.GroundTruth(n).ToArray()).ToList();
        var error = new GeneralisationError(settings.Stream.Clusters, key.Experts);
        var choice = MecRouting.For(settings, key, servers, settings.Stream.Dimension);
        if (resume is not null)
        {
            error.Restore(resume.Error);
            choice.Restore(resume.Choice);
        }

        var cost = new MecTaskCost(settings.TaskBits, settings.TaskCycles, settings.StepSeconds);
        var serverProps = servers.Select((s, m) => MecServerActor<RegressionTask>.Props(m, s, cost, () => new ScoredLinearExpert(truths), resume?.Experts[m])).ToList();
        var done = new TaskCompletionSource<MecRunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var user = MecUserActor<RegressionTask>.Props(() => new RegressionTaskStream(stream), resume?.Step ?? 0);
        var coordinator = GateCoordinatorActor<RegressionTask>.Props(
            choice, user, serverProps, settings.Tasks, error, done, settings.FailuresFor(key.Experts), checkpoints, resume?.Coordinator);
        return new MecRunHandle(done.Task, system.ActorOf(coordinator, $"mec-{key.Method}-m{key.Experts}-s{key.Seed}"));
    }
}
