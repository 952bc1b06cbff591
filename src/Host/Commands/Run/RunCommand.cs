using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Reports;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Nn;
using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>
/// <c>edgemoe run SCENARIO.conf</c>: emulates the Stable-MoE edge network slot by slot for each policy on identical
/// arrivals and initial weights, and writes DIR/metrics.csv, DIR/summary.json and DIR/config.conf.
/// </summary>
internal static class RunCommand
{
    public static Command Build(CliConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (HOCON), e.g. hocon/stable-moe.conf." };
        var policy = new Option<string?>("--policy") { Description = "A routing policy (stable-moe, random, top-k, queue-aware, energy-aware, ...) or all." };
        var slots = new Option<int?>("--slots") { Description = "Number of time slots." };
        var seed = new Option<int?>("--seed") { Description = "Master random seed." };
        var output = new Option<string?>("--out") { Description = "Folder for metrics.csv, summary.json and config.conf." };
        var dataset = new Option<string?>("--dataset") { Description = "auto, fashion-mnist or synthetic." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder of the Fashion-MNIST IDX files." };
        var threads = new Option<int?>("--threads") { Description = "Actor dispatcher threads (0 = one per core); results do not depend on it." };
        var concurrent = new Option<int?>("--concurrent-policies") { Description = "Policies emulated at the same time (0 = one per core); results do not depend on it." };
        var localNodes = new Option<int?>("--local-nodes") { Description = "Run on a cluster of N edge-node processes this command starts on loopback (results do not change)." };
        var minEdgeNodes = new Option<int?>("--min-edge-nodes") { Description = "With --seed-nodes: edge nodes to wait for before the run starts (edgemoe.cluster.min-edge-nodes)." };
        var cluster = new ClusterOptions();
        var command = new Command("run", "Run a scenario of the emulator and write its metrics.")
        {
            scenario, policy, slots, seed, output, dataset, dataDir, threads, concurrent, localNodes, minEdgeNodes,
        };
        foreach (var option in cluster.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Execute(
            console,
            parse.GetRequiredValue(scenario),
            new RunOverrides(
                parse.GetValue(policy), parse.GetValue(slots), parse.GetValue(seed), parse.GetValue(output),
                parse.GetValue(dataset), parse.GetValue(dataDir), parse.GetValue(threads), parse.GetValue(concurrent)),
            cluster.Read(parse) with { MinEdgeNodes = parse.GetValue(minEdgeNodes) },
            parse.GetValue(localNodes)));
        return command;
    }

    private static int Execute(CliConsole console, FileInfo file, RunOverrides overrides, ClusterOptions.Given clusterOptions, int? localNodes)
    {
        var wall = Stopwatch.StartNew();
        TorchThreads.Set(1); // actors give the parallelism; one intra-op thread keeps every network bit-reproducible
        var (settings, resolved) = Load(file.ToString(), overrides);
        var policies = Policies(settings);
        // The cluster forms (or fails with exit 2) before any work or output: its edge members host the actors.
        using var cluster = ClusterRun.Start(clusterOptions, localNodes, settings, ScenarioPlan.DispatcherThreads(settings.Run), console.Error);
        var images = TokenImages.Load(settings.Run.Dataset, settings.Run.DataDir, settings.Run.Seed, console.Error);
        var plan = ScenarioPlan.From(settings, images);
        var folder = settings.Run.OutputDir;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.conf"), resolved.ToHocon());
        console.Error.WriteLine(
            $"Stable-MoE on {images.Name}: {settings.StableMoe.Servers} servers, K = {settings.StableMoe.ExpertsPerToken}, " +
            $"lambda = {settings.StableMoe.ArrivalRate}, {settings.Run.Slots} slots, seed {settings.Run.Seed}, " +
            $"baseline frequencies {settings.StableMoe.BaselineFrequency.Name()} -> {folder}");

        var load = NetworkLoad.Of(plan.ArrivalRate, plan.Parameters.ExpertsPerToken, plan.Parameters.Servers);
        console.Error.WriteLine(
            $"load: K*lambda = {load.DemandPerSlot:0.#} expert computations per slot against {load.BudgetedCapacityPerSlot} within the " +
            $"servers' budgets min(E_max, E_avg) (utilisation {load.Utilisation:0.000})");
        var concurrency = Math.Min(policies.Count, settings.Run.ConcurrentPolicies == 0 ? Environment.ProcessorCount : settings.Run.ConcurrentPolicies);
        var perSystem = plan with { Threads = Math.Max(1, plan.Threads / concurrency) };
        var site = cluster?.Site ?? EmulationSite.Local(perSystem.Akka, perSystem.Threads);
        IRunProgress progress = ProgressBars.Fits(console.Error) ? new ProgressBars(settings.Run.Slots) : new ProgressLines(console.Error, settings.Run.Slots);
        IReadOnlyList<PolicySummary> summaries;
        using (var csv = new MetricsCsv(Path.Combine(folder, "metrics.csv")))
        {
            var outputs = new PolicyOrderedOutputs(
                csv,
                [.. policies.Select(p => p.Name)],
                finished => SummaryJson.Write(
                    Path.Combine(folder, "summary.json"), images.Name, settings.Run.Seed, settings.Run.Slots, settings.StableMoe.BaselineFrequency.Name(), load, finished));
            try
            {
                // Policies start in report order, so the one whose rows stream to metrics.csv is always running.
                progress.Show(() => Parallel.ForEach(
                    Partitioner.Create(Enumerable.Range(0, policies.Count), EnumerablePartitionerOptions.NoBuffering),
                    new ParallelOptions { MaxDegreeOfParallelism = concurrency },
                    p => RunPolicy(perSystem, site, policies[p], p, policies.Count, outputs, progress, wall)));
            }
            catch (AggregateException failure)
            {
                outputs.FlushFinished();
                ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
            }

            summaries = outputs.Summaries;
        }

        console.Out.Write(ComparisonTable.Render(summaries));
        console.Error.WriteLine($"wall time {wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/metrics.csv, summary.json, config.conf");
        return ExitCodes.Success;
    }

    /// <summary>Emulates one policy (index <paramref name="index"/> of the report order) at <paramref name="site"/>.</summary>
    private static void RunPolicy(
        ScenarioPlan plan, EmulationSite site, IRoutingPolicy policy, int index, int count, PolicyOrderedOutputs outputs, IRunProgress progress, Stopwatch wall)
    {
        var started = wall.Elapsed;
        progress.Begin(policy.Name, index, count);
        var slots = new List<SlotMetrics>();
        long cumulative = 0;
        StableMoeNetwork.Run(plan, policy, slot =>
        {
            cumulative += slot.Router.Processed;
            slots.Add(slot);
            outputs.Slot(index, slot, cumulative);
            progress.Slot(policy.Name, slot, cumulative);
        }, site);
        outputs.Finished(index, PolicySummary.Of(policy.Name, slots));
        progress.End(policy.Name, wall.Elapsed - started);
    }

    /// <summary>The scenario over reference.conf, with the command-line overrides on top, validated.</summary>
    private static (EdgeMoeSettings Settings, EdgeMoE.Hocon.Config Resolved) Load(string file, RunOverrides overrides)
    {
        if (!File.Exists(file))
        {
            throw new BadInputException($"{file}: no such scenario file");
        }

        var (merged, reference) = LayeredConfig.Load(file);
        var text = overrides.ToHocon();
        var resolved = text.Length == 0 ? merged : EdgeMoE.Hocon.Config.Parse(text, "command line").WithFallback(merged);
        return (SettingsLoader.FromConfig(resolved, reference, file), resolved);
    }

    private static IReadOnlyList<IRoutingPolicy> Policies(EdgeMoeSettings settings)
    {
        var names = settings.Run.Policy == RunSettings.AllPolicies ? settings.StableMoe.Policies : [settings.Run.Policy];
        return [.. names.Select(name => RoutingPolicyCatalog.Find(name, settings.StableMoe.BaselineFrequency)
            ?? throw new BadInputException($"edgemoe.run.policy: unknown policy \"{name}\""))];
    }
}
