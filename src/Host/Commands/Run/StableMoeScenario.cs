using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Reports;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>
/// Stable-MoE (hocon/stable-moe.conf): emulates the edge network slot by slot for each policy on identical arrivals and
/// initial weights, in one process or on a cluster, and writes metrics.csv, summary.json and config.conf.
/// </summary>
internal sealed class StableMoeScenario : ICheckpointingScenario
{
    public string Name => ScenarioNames.StableMoe;

    public int Run(ScenarioInvocation invocation)
    {
        var (settings, console) = (invocation.Settings, invocation.Console);
        var policies = ScenarioRun.Policies(settings);
        var threads = ScenarioPlan.DispatcherThreads(settings.Run);
        // The cluster forms (or fails with exit 2) before any work or output: its edge members host the actors.
        using var cluster = ClusterRun.Start(invocation.Cluster, invocation.LocalNodes, settings, threads, console.Error);
        var images = TokenImages.Load(settings.Run.Dataset, settings.Run.DataDir, settings.Run.Seed, console.Error);
        var concurrency = Math.Min(policies.Count, settings.Run.ConcurrentPolicies == 0 ? Environment.ProcessorCount : settings.Run.ConcurrentPolicies);
        IRunProgress progress = ProgressBars.Fits(console.Error) ? new ProgressBars(settings.Run.Slots) : new ProgressLines(console.Error, settings.Run.Slots);
        var summaries = ScenarioRun.Execute(settings, invocation.Resolved, images, cluster?.Site, threads, concurrency, progress, console.Error, invocation.Checkpoints);
        console.Out.Write(ComparisonTable.Render(summaries));
        var checkpoints = invocation.Checkpoints.Summary(invocation.Wall.Elapsed);
        console.Error.WriteLine(
            $"wall time {invocation.Wall.Elapsed.TotalSeconds:0.0} s; wrote {settings.Run.OutputDir}/metrics.csv, summary.json, config.conf" +
            (checkpoints.Length == 0 ? "" : "; " + checkpoints));
        return Cli.ExitCodes.Success;
    }
}
