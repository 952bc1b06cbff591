using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Commands.Report;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>
/// <c>edgemoe run SCENARIO.conf</c>: runs the scenario the file names (<c>edgemoe.run.scenario</c>, see
/// <see cref="ScenarioCatalog"/>) and writes its files to <c>edgemoe.run.output-dir</c>.
/// </summary>
internal static class RunCommand
{
    public static Command Build(CliConsole console)
    {
        var scenario = new Argument<FileInfo?>("scenario") { Description = "Scenario file (HOCON), e.g. hocon/stable-moe.conf (not needed with --resume).", Arity = ArgumentArity.ZeroOrOne };
        var policy = new Option<string?>("--policy") { Description = "A routing policy (stable-moe, random, top-k, queue-aware, energy-aware, ...) or all." };
        var slots = new Option<int?>("--slots") { Description = "Number of time slots." };
        var seed = new Option<int?>("--seed") { Description = "Master random seed." };
        var output = new Option<string?>("--out") { Description = "Folder for metrics.csv, summary.json and config.conf." };
        var dataset = new Option<string?>("--dataset") { Description = "auto, fashion-mnist, synthetic, cifar-10 or cifar-100." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder of the Fashion-MNIST IDX files or of the CIFAR binary files." };
        var threads = new Option<int?>("--threads") { Description = "Actor dispatcher threads (0 = one per core); results do not depend on it." };
        var concurrent = new Option<int?>("--concurrent-policies") { Description = "Policies emulated at the same time (0 = one per core); results do not depend on it." };
        var localNodes = new Option<int?>("--local-nodes") { Description = "Run on a cluster of N edge-node processes this command starts on loopback (results do not change)." };
        var minEdgeNodes = new Option<int?>("--min-edge-nodes") { Description = "With --seed-nodes: edge nodes to wait for before the run starts (edgemoe.cluster.min-edge-nodes)." };
        var noReport = ReportCommand.NoReport();
        var checkpointEvery = new Option<string?>(Checkpointing.EveryOption) { Description = "Write a checkpoint every N slots (rounds) into OUT/checkpoints; the newest two are kept." };
        var resume = new Option<string?>(Checkpointing.ResumeOption) { Description = "Continue the run in DIR from its newest checkpoint (or from DIR/checkpoints/step-N); its config.conf is used." };
        var cluster = new ClusterOptions();
        var command = new Command("run", "Run a scenario of the emulator and write its metrics.")
        {
            scenario, policy, slots, seed, output, dataset, dataDir, threads, concurrent, localNodes, minEdgeNodes, noReport, checkpointEvery, resume,
        };
        foreach (var option in cluster.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var overrides = new RunOverrides(
                parse.GetValue(policy), parse.GetValue(slots), parse.GetValue(seed), parse.GetValue(output),
                parse.GetValue(dataset), parse.GetValue(dataDir), parse.GetValue(threads), parse.GetValue(concurrent));
            var clusterGiven = cluster.Read(parse) with { MinEdgeNodes = parse.GetValue(minEdgeNodes) };
            var every = Checkpointing.ParseEvery(parse.GetValue(checkpointEvery));
            if (parse.GetValue(resume) is { } dir)
            {
                // Only where the run executes may change on resume; everything else is the first run's config.conf.
                var refused = new (Option Option, bool Given)[]
                {
                    (checkpointEvery, every is not null), (policy, overrides.Policy is not null), (slots, overrides.Slots is not null),
                    (seed, overrides.Seed is not null), (output, overrides.OutputDir is not null), (dataset, overrides.Dataset is not null),
                    (dataDir, overrides.DataDir is not null), (concurrent, overrides.ConcurrentPolicies is not null),
                    (minEdgeNodes, clusterGiven.MinEdgeNodes is not null), (cluster.SeedNodes, clusterGiven.SeedNodes is not null),
                    (cluster.Port, clusterGiven.Port is not null), (cluster.Hostname, clusterGiven.Hostname is not null),
                    (cluster.Credentials, clusterGiven.Credentials is not null),
                }.FirstOrDefault(o => o.Given).Option;
                if (refused is not null)
                {
                    throw new BadInputException(
                        $"{refused.Name}: not allowed with {Checkpointing.ResumeOption}, which continues the run exactly as its config.conf says " +
                        $"(only --local-nodes, --threads and {ReportCommand.NoReportOption} may be given again)");
                }

                return Resume(console, ResumeTarget.Of(dir), overrides.Threads, parse.GetValue(scenario), clusterGiven, parse.GetValue(localNodes), !parse.GetValue(noReport));
            }

            var file = parse.GetValue(scenario) ?? throw new BadInputException("edgemoe run: give a scenario file, e.g. hocon/stable-moe.conf (or --resume DIR)");
            return Execute(console, file, overrides, every, clusterGiven, parse.GetValue(localNodes), !parse.GetValue(noReport));
        });
        return command;
    }

    private static int Execute(CliConsole console, FileInfo file, RunOverrides overrides, int? every, ClusterOptions.Given clusterOptions, int? localNodes, bool report)
    {
        var wall = Stopwatch.StartNew();
        TorchThreads.Set(1); // actors give the parallelism; one intra-op thread keeps every network bit-reproducible
        var (settings, resolved) = ScenarioRun.Load(file.ToString(), overrides.ToHocon());
        var checkpoints = every is null
            ? Checkpointing.None
            : new Checkpointing(every, null, new CheckpointStore(settings.Run.OutputDir) { Scenario = settings.Run.Scenario, Every = every.Value }, console.Error);
        return Invoke(new ScenarioInvocation(settings, resolved, console, clusterOptions, localNodes, wall) { Checkpoints = checkpoints }, report);
    }

    private static int Resume(
        CliConsole console, ResumeTarget target, int? threads, FileInfo? file, ClusterOptions.Given clusterOptions, int? localNodes, bool report)
    {
        var wall = Stopwatch.StartNew();
        TorchThreads.Set(1);
        if (file is not null)
        {
            console.Error.WriteLine($"{Checkpointing.ResumeOption}: the run continues with {target.ConfigFile}, not {file}");
        }

        // config.conf stays as the first run wrote it (its hash is in every manifest); the folder and threads apply to this process only.
        var (_, resolved) = ScenarioRun.Load(target.ConfigFile, "");
        var here = new RunOverrides(null, null, null, target.RunDir, null, null, threads, null);
        var (settings, _) = ScenarioRun.Load(target.ConfigFile, here.ToHocon());
        var store = new CheckpointStore(target.RunDir) { Scenario = settings.Run.Scenario };
        var loaded = target.CheckpointDir is null ? store.LoadNewest() : store.Load(target.CheckpointDir);
        console.Error.WriteLine($"resuming {target.RunDir} from {loaded.Dir} (step {loaded.Step}, a checkpoint every {loaded.Every})");
        var checkpoints = new Checkpointing(loaded.Every, loaded, new CheckpointStore(target.RunDir) { Scenario = settings.Run.Scenario, Every = loaded.Every }, console.Error);
        return Invoke(new ScenarioInvocation(settings, resolved, console, clusterOptions, localNodes, wall) { Checkpoints = checkpoints }, report);
    }

    private static int Invoke(ScenarioInvocation invocation, bool report)
    {
        var scenario = ScenarioCatalog.Find(invocation.Settings.Run.Scenario);
        if (scenario is not ICheckpointingScenario)
        {
            invocation.Checkpoints.RefuseFor(scenario.Name);
        }

        var exit = scenario.Run(invocation);
        return exit == ExitCodes.Success && report ? ReportCommand.Execute(invocation.Console, invocation.Settings.Run.OutputDir) : exit;
    }
}
