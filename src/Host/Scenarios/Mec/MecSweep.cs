using EdgeMoE.Actors.Mec;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>Runs every run of the sweep on one actor system; each run is independent, so they go side by side.</summary>
public static class MecSweep
{
    /// <summary>The runs' results in the order of <paramref name="keys"/>; progress, one line per run, on <paramref name="log"/>.</summary>
    public static IReadOnlyList<MecRunResult> Execute(MecSettings mec, IReadOnlyList<MecRunKey> keys, EdgeMoeSettings settings, int threads, TextWriter log)
    {
        using var system = EmulationActorSystem.Create("mec", settings.Actors.Akka, threads);
        try
        {
            var fashion = mec.TaskFamily == MecSettings.FashionMnist ? MecFashionData.Load(mec.Fashion, settings.Run, log) : null;
            var runs = keys.Select(key => fashion is null ? SyntheticMecRun.Start(system, mec, key) : FashionMecRun.Start(system, mec, key, fashion)).ToList();
            var results = new MecRunResult[keys.Count];
            for (var i = 0; i < runs.Count; i++)
            {
                results[i] = runs[i].GetAwaiter().GetResult();
                var key = keys[i];
                log.WriteLine($"[{i + 1}/{keys.Count}] {key.Method} M={key.Experts} seed {key.Seed}: G_1 {results[i].Errors[0]:0.000}, G_T {results[i].Errors[^1]:0.000}");
            }

            return results;
        }
        finally
        {
            system.Terminate().Wait();
        }
    }
}
