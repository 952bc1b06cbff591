using EdgeMoE.Actors.Mec;
using EdgeMoE.Host.Commands.Run;
using EdgeMoE.Host.Settings;

namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>
/// MoE for mobile edge computing (hocon/mec.conf, arXiv 2412.15690): every (M, seed, method) run of the sweep on one
/// actor system, runs side by side; writes errors.csv, summary.json and config.conf.
/// </summary>
internal sealed class MecScenario : ICheckpointingScenario
{
    public string Name => ScenarioNames.Mec;

    public int Run(ScenarioInvocation invocation)
    {
        invocation.RequireOneProcess();
        var (settings, console) = (invocation.Settings, invocation.Console);
        var mec = MecSettings.Read(settings.Raw);
        var derived = MecDerived.Of(mec);
        var keys = MecRunKey.All(mec, settings.Run.Seed);
        var folder = invocation.WriteConfig();
        console.Error.WriteLine(
            $"MEC ({mec.TaskFamily}): M in [{string.Join(", ", mec.Experts)}], {mec.Seeds} seeds from {settings.Run.Seed}, T = {mec.Tasks}, " +
            $"methods {string.Join(", ", mec.Methods)}: {keys.Count} runs -> {folder}");
        var threads = ScenarioPlan.DispatcherThreads(settings.Run);
        var results = MecSweep.Execute(mec, keys, settings, threads, console.Error, invocation.Checkpoints);
        var summaries = keys.Select((k, i) => MecRunSummary.Of(
            k, results[i].Errors, results[i].Dropped, mec.ConvergenceFraction, k.Method == Policies.Mec.MecMethods.Moe ? mec.GateStopFor(k.Experts) : null, results[i].GateStoppedAt)).ToList();
        var means = MecSeedMean.Of(keys, [.. results.Select(r => r.Errors)], mec.ConvergenceFraction);
        MecOutputs.WriteErrors(Path.Combine(folder, "errors.csv"), keys, results);
        MecOutputs.WriteSummary(Path.Combine(folder, "summary.json"), mec, derived, summaries, means);
        console.Out.Write(MecTable.Render(summaries, means, derived));
        console.Error.WriteLine($"wall time {invocation.Wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/errors.csv, summary.json, config.conf");
        if (invocation.Checkpoints.Every is not null)
        {
            console.Error.WriteLine(invocation.Checkpoints.Summary(invocation.Wall.Elapsed));
        }
        return Cli.ExitCodes.Success;
    }
}
