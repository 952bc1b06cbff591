using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Scenarios.Mec;
using EdgeMoE.Models.Data.Regression;
using EdgeMoE.Models.Moe.Continual;
using EdgeMoE.Policies.Mec;

namespace EdgeMoE.Host.Tests.Mec;

/// <summary>
/// One synthetic MoE run replayed step by step without actors, from the same generators as the sweep (the coordinator's
/// order: choose, the routed server fits, every other server measures its change, the gate learns, G_t is updated).
/// It lets a test look inside a run: which task went where and with what β_t.
/// </summary>
internal static class MecReplay
{
    /// <summary>G_T of the MoE run (M = <paramref name="experts"/>, <paramref name="seed"/>) of <paramref name="settings"/>.</summary>
    /// <param name="routeWeakTasksToTheirCluster">
    /// A counterfactual the gate cannot make (it reads the task's cluster): a task with β_t below this goes to the
    /// available server holding the most tasks of its cluster so far (the gate's choice when none does); 0 for none.
    /// </param>
    public static double FinalError(MecSettings settings, int experts, int seed, double routeWeakTasksToTheirCluster = 0)
    {
        var key = new MecRunKey(MecMethods.Moe, experts, seed);
        var servers = MecServers.Draw(settings, seed, experts);
        var stream = new ClusteredLinearRegression(settings.Stream, DerivedSeeds.For(seed, "mec-tasks").Next());
        var n = settings.Stream.Clusters;
        var truths = Enumerable.Range(0, n).Select(c => stream.GroundTruth(c).ToArray()).ToList();
        var error = new GeneralisationError(n, experts);
        var gate = MecRouting.For(settings, key, servers, settings.Stream.Dimension);
        var models = Enumerable.Range(0, experts).Select(_ => new ScoredLinearExpert(truths)).ToArray();
        var tasks = new RegressionTaskStream(stream);
        var freeFrom = new int[experts];
        var available = new bool[experts];
        var held = new int[experts, n];
        for (var step = 1; step <= settings.Tasks; step++)
        {
            var task = tasks.Next();
            for (var m = 0; m < experts; m++)
            {
                available[m] = freeFrom[m] <= step;
            }

            var features = task.GateFeatures.ToArray();
            var chosen = gate.Choose(features, available);
            if (task.Data.SignalScale < routeWeakTasksToTheirCluster)
            {
                var most = 0;
                for (var m = 0; m < experts; m++)
                {
                    if (available[m] && held[m, task.Cluster] > most)
                    {
                        (chosen, most) = (m, held[m, task.Cluster]);
                    }
                }
            }

            if (chosen < 0)
            {
                continue;
            }

            var changes = new double[experts];
            changes[chosen] = models[chosen].Fit(task.Data);
            for (var m = 0; m < experts; m++)
            {
                if (m != chosen)
                {
                    changes[m] = models[m].ChangeToFit(task.Data);
                }
            }

            freeFrom[chosen] = step + servers[chosen].BusySteps(settings.TaskBits, settings.TaskCycles, settings.StepSeconds);
            gate.LearnFromEvery(step, features, chosen, changes);
            error.Learn(chosen, task.Cluster, models[chosen].ErrorByCluster());
            held[chosen, task.Cluster]++;
        }

        foreach (var model in models)
        {
            model.Dispose();
        }

        return error.Value;
    }
}
