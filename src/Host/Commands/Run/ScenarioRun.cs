using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Actors.Edge.Messages;
using EdgeMoE.Host.Checkpoints;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Reports;
using EdgeMoE.Host.Scenarios;
using EdgeMoE.Host.Scenarios.Checkpoints;
using EdgeMoE.Host.Settings;
using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Host.Commands.Run;

/// <summary>
/// Runs one scenario configuration into its output folder (metrics.csv, summary.json, config.conf): the work of
/// <c>edgemoe run</c>, shared by <c>edgemoe sweep</c>, which runs many configurations in one process.
/// </summary>
internal static class ScenarioRun
{
    /// <summary>The scenario over reference.conf, with <paramref name="overrides"/> (HOCON text) on top, validated.</summary>
    /// <exception cref="BadInputException">Missing file, unknown key or bad value.</exception>
    public static (EdgeMoeSettings Settings, EdgeMoE.Hocon.Config Resolved) Load(string file, string overrides)
    {
        if (!File.Exists(file))
        {
            throw new BadInputException($"{file}: no such scenario file");
        }

        var (merged, reference) = LayeredConfig.Load(file);
        var resolved = overrides.Length == 0 ? merged : EdgeMoE.Hocon.Config.Parse(overrides, "command line").WithFallback(merged);
        return (SettingsLoader.FromConfig(resolved, reference, file), resolved);
    }

    /// <summary>The policies the run emulates, in report order.</summary>
    /// <exception cref="BadInputException">An unknown policy name.</exception>
    public static IReadOnlyList<IRoutingPolicy> Policies(EdgeMoeSettings settings)
    {
        var names = settings.Run.Policy == RunSettings.AllPolicies ? settings.StableMoe.Policies : [settings.Run.Policy];
        return [.. names.Select(name => RoutingPolicyCatalog.Find(name, settings.StableMoe.BaselineFrequency)
            ?? throw new BadInputException($"edgemoe.run.policy: unknown policy \"{name}\""))];
    }

    /// <summary>
    /// Emulates every policy of <paramref name="settings"/> on <paramref name="images"/> and writes the run's files to
    /// <c>edgemoe.run.output-dir</c>. <paramref name="threads"/> dispatcher threads are shared by at most
    /// <paramref name="concurrency"/> policies at a time; neither changes a byte of the files.
    /// </summary>
    /// <param name="settings">Validated settings of the run.</param>
    /// <param name="resolved">The resolved configuration, written as config.conf.</param>
    /// <param name="images">Token and test images.</param>
    /// <param name="clusterSite">Where the actors live when the run spans a cluster; null for this process.</param>
    /// <param name="threads">Dispatcher threads of the run, ≥ 1.</param>
    /// <param name="concurrency">Policies emulated at the same time, ≥ 1.</param>
    /// <param name="progress">Progress display (stderr).</param>
    /// <param name="log">Where the run announces itself (stderr, or nothing).</param>
    /// <param name="checkpointing">Checkpoints to write and the one to continue from; none when null.</param>
    /// <returns>The policies' summaries, in report order.</returns>
    public static IReadOnlyList<PolicySummary> Execute(
        EdgeMoeSettings settings, EdgeMoE.Hocon.Config resolved, TokenImages images, EmulationSite? clusterSite, int threads, int concurrency,
        IRunProgress progress, TextWriter log, Checkpointing? checkpointing = null)
    {
        checkpointing ??= Checkpointing.None;
        var wall = Stopwatch.StartNew();
        var policies = Policies(settings);
        var plan = ScenarioPlan.From(settings, images);
        if (plan.Failures is { } failures && clusterSite?.EdgeNodes is { } nodes && nodes != failures.Nodes
            && failures.Failures.Any(f => f.Kind is FailureKind.CrashNode or FailureKind.Partition))
        {
            throw new BadInputException(
                $"edgemoe.stable-moe.nodes = {failures.Nodes}, but the cluster has {nodes} edge node(s): node failures must name the cluster's nodes ({settings.Source})");
        }

        var folder = settings.Run.OutputDir;
        Directory.CreateDirectory(folder);
        if (checkpointing.Resume is null)
        {
            // A resumed run keeps the config.conf its checkpoints were verified against.
            File.WriteAllText(Path.Combine(folder, "config.conf"), resolved.ToHocon());
        }

        var checkpoints = new StableMoeCheckpoints(checkpointing, [.. policies.Select(p => p.Name)], images);
        var cells = settings.StableMoe.Cells;
        log.WriteLine(
            $"Stable-MoE on {images.Name}: {(cells == 1 ? "" : $"{cells} cells of ")}{settings.StableMoe.Servers} servers, K = {settings.StableMoe.ExpertsPerToken}, " +
            $"lambda = {settings.StableMoe.ArrivalRate}, {settings.Run.Slots} slots, seed {settings.Run.Seed}, " +
            $"baseline frequencies {settings.StableMoe.BaselineFrequency.Name()} -> {folder}");

        var load = NetworkLoad.Of(plan.ArrivalRate, plan.Parameters.ExpertsPerToken, plan.Parameters.Servers).Times(cells);
        log.WriteLine(
            $"load: K*lambda = {load.DemandPerSlot:0.#} expert computations per slot against {load.BudgetedCapacityPerSlot} within the " +
            $"servers' budgets min(E_max, E_avg) (utilisation {load.Utilisation:0.000})");
        var atOnce = Math.Clamp(concurrency, 1, Math.Max(1, policies.Count));
        if (clusterSite is not null && plan.Failures?.Failures.Any(f => f.Kind == FailureKind.CrashNode) == true)
        {
            // A crashed node takes every policy's actors on it with it: on a cluster, policies run one at a time.
            atOnce = 1;
        }

        var perSystem = plan with { Threads = Math.Max(1, threads / atOnce) };
        var site = clusterSite ?? EmulationSite.Local(perSystem.Akka, perSystem.Threads);
        using var csv = new MetricsCsv(Path.Combine(folder, "metrics.csv"));
        var outputs = new PolicyOrderedOutputs(
            csv,
            [.. policies.Select(p => p.Name)],
            finished =>
            {
                SummaryJson.Write(
                    Path.Combine(folder, "summary.json"), images.Name, settings.Run.Seed, settings.Run.Slots, cells, settings.StableMoe.BaselineFrequency.Name(), load, finished);
                var events = Path.Combine(folder, "events.csv");
                if (plan.Failures is not null || finished.Any(f => f.Events is { Count: > 0 }))
                {
                    EventsCsv.Write(events, finished.SelectMany(f => f.Events ?? []));
                }
                else
                {
                    // A run without failures leaves no events.csv, not an earlier run's.
                    File.Delete(events);
                }
            });
        try
        {
            // Policies start in report order, so the one whose rows stream to metrics.csv is always running.
            progress.Show(() => Parallel.ForEach(
                Partitioner.Create(Enumerable.Range(0, policies.Count), EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = atOnce },
                p => RunPolicy(perSystem, cells, site, policies[p], p, policies.Count, outputs, progress, wall, checkpoints)));
        }
        catch (AggregateException failure)
        {
            outputs.FlushFinished();
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
        }

        return outputs.Summaries;
    }

    /// <summary>
    /// Emulates one policy (index <paramref name="index"/> of the report order) on <paramref name="cells"/> cells at
    /// <paramref name="site"/>; several cells report as one network (<see cref="NetworkSlots"/>).
    /// </summary>
    private static void RunPolicy(
        ScenarioPlan plan, int cells, EmulationSite site, IRoutingPolicy policy, int index, int count, PolicyOrderedOutputs outputs, IRunProgress progress, Stopwatch wall,
        StableMoeCheckpoints checkpoints)
    {
        var started = wall.Elapsed;
        progress.Begin(policy.Name, index, count);
        var slots = new List<SlotMetrics>();
        long cumulative = 0;
        long barrierReached = 0;
        void Record(SlotMetrics slot)
        {
            // The clock asks for the network's state right after a checkpoint slot's metrics: collection starts now.
            barrierReached = Stopwatch.GetTimestamp();
            cumulative += slot.Router.Processed;
            slots.Add(slot);
            outputs.Slot(index, slot, cumulative);
            progress.Slot(policy.Name, slot, cumulative);
        }

        // A resumed policy writes its kept rows again (metrics.csv is rebuilt), then its network continues after them.
        var kept = checkpoints.Kept(index);
        foreach (var row in kept.Rows)
        {
            Record(row);
        }

        if (kept.Finished)
        {
            checkpoints.Finished(index, slots);
        }
        else if (cells == 1)
        {
            var network = new NetworkCheckpointing(
                checkpoints.Every,
                checkpoints.Restore(index),
                snapshot => checkpoints.Snapshot(index, snapshot, slots, Stopwatch.GetElapsedTime(barrierReached)));
            StableMoeNetwork.Run(plan, policy, Record, site, network);
            checkpoints.Finished(index, slots);
        }
        else
        {
            // Cells report from their own threads: rows and the joined snapshots they belong with go one at a time.
            var rows = new Lock();
            var network = new NetworkSlots(
                cells,
                plan.Servers.Count,
                slot =>
                {
                    lock (rows)
                    {
                        Record(slot);
                    }

                    site.SlotFinished(policy.Name, slot.Slot);
                },
                firstSlot: kept.Rows.Count);
            var joined = new CellSnapshots(cells, snapshot =>
            {
                lock (rows)
                {
                    // Every cell finished the slot before it captured it, so the network's rows reach exactly this slot.
                    checkpoints.Snapshot(index, snapshot, [.. slots.Where(r => r.Slot <= snapshot.Slot)], Stopwatch.GetElapsedTime(barrierReached));
                }
            });
            var restore = checkpoints.Restore(index);
            StableMoeNetwork.RunCells(plan, policy, cells, network.Add, site, c => new NetworkCheckpointing(
                checkpoints.Every, restore is null ? null : CellSnapshots.ForCell(restore, c, cells), snapshot => joined.Add(c, snapshot)));
            checkpoints.Finished(index, slots);
        }
        outputs.Finished(index, PolicySummary.Of(policy.Name, slots, plan.Failures));
        progress.End(policy.Name, wall.Elapsed - started);
    }
}
