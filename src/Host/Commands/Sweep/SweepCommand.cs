using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Commands.Report;
using EdgeMoE.Host.Commands.Run;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>
/// <c>edgemoe sweep SCENARIO --set KEY=V1,V2 [--seeds N]</c>: runs the cross product of the values (times seeds) as
/// ordinary runs into DIR/runs/&lt;point&gt;/, several at a time, then writes DIR/sweep.csv and prints a table.
/// </summary>
internal static class SweepCommand
{
    public const string DefaultOutput = "runs/sweep";

    public static Command Build(CliConsole console)
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (HOCON), e.g. hocon/stable-moe.conf." };
        var set = new Option<string[]>("--set") { Description = "KEY=V1,V2,...: a full key of reference.conf and its HOCON values; repeat for more keys (cross product)." };
        var seeds = new Option<int?>("--seeds") { Description = "Run every point with seeds 1..N (edgemoe.run.seed); default: the scenario's seed only." };
        var output = new Option<string?>("--out") { Description = $"Folder for runs/<point>/ and sweep.csv (default {DefaultOutput})." };
        var noReport = ReportCommand.NoReport();
        var parallel = new Option<int?>("--parallel") { Description = "Points run at the same time (default one per core); results do not depend on it." };
        var command = new Command("sweep", "Run a scenario over a cross product of settings and seeds; write sweep.csv.")
        {
            scenario, set, seeds, output, parallel, noReport,
        };
        command.SetAction(parse => Execute(
            console,
            parse.GetRequiredValue(scenario).ToString(),
            [.. (parse.GetValue(set) ?? []).Select(SweepAxis.Parse)],
            parse.GetValue(seeds),
            parse.GetValue(output) ?? DefaultOutput,
            parse.GetValue(parallel),
            !parse.GetValue(noReport)));
        return command;
    }

    private static int Execute(CliConsole console, string file, IReadOnlyList<SweepAxis> axes, int? seeds, string folder, int? parallel, bool report)
    {
        var wall = Stopwatch.StartNew();
        if (parallel is < 1)
        {
            throw new BadInputException($"--parallel {parallel}: must be at least 1");
        }

        TorchThreads.Set(1); // actors give the parallelism; one intra-op thread keeps every network bit-reproducible
        if (!File.Exists(file))
        {
            throw new BadInputException($"{file}: no such scenario file");
        }

        var (_, reference) = LayeredConfig.Load(file);
        var points = SweepPlan.Points(axes, seeds, reference);
        // Every point's settings are loaded and validated before the first run starts: a bad value fails at once.
        var configured = points.Select(p =>
        {
            try
            {
                return ScenarioRun.Load(file, p.ToHocon(Path.Combine(folder, "runs", p.Name)));
            }
            catch (Exception e) when (BadInput.Describe(e) is { } reason)
            {
                throw new BadInputException($"point {p.Name}: {reason}", e);
            }
        }).ToList();
        var images = new SharedTokenImages(console.Error);
        for (var p = 0; p < points.Count; p++)
        {
            var run = configured[p].Settings.Run;
            if (run.Scenario != ScenarioNames.StableMoe)
            {
                continue; // other scenarios check their own sections when they start
            }

            try
            {
                ScenarioRun.Policies(configured[p].Settings);
                if (run.Dataset != DatasetChoice.Synthetic)
                {
                    images.For(run); // data files are read once, here, so missing ones fail before any run
                }
            }
            catch (BadInputException e)
            {
                throw new BadInputException($"point {points[p].Name}: {e.Message}", e);
            }
        }

        var atOnce = Math.Min(points.Count, parallel ?? Environment.ProcessorCount);
        var share = Math.Max(1, Environment.ProcessorCount / atOnce);
        console.Error.WriteLine($"sweep: {points.Count} points, {atOnce} at a time -> {folder}");
        var failures = new ConcurrentDictionary<int, Exception>();
        var finished = 0;
        var progressLock = new Lock();
        Parallel.ForEach(
            Partitioner.Create(Enumerable.Range(0, points.Count), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = atOnce },
            (p, loop) =>
            {
                var started = wall.Elapsed;
                try
                {
                    var (settings, resolved) = configured[p];
                    if (settings.Run.Scenario == ScenarioNames.StableMoe)
                    {
                        ScenarioRun.Execute(settings, resolved, images.For(settings.Run), null, share, share, new SilentProgress(), TextWriter.Null);
                    }
                    else
                    {
                        // Any other scenario runs as `edgemoe run` would, quietly; a failure is reported like any point's.
                        var quiet = new CliConsole(TextWriter.Null, TextWriter.Null);
                        var exit = ScenarioCatalog.Find(settings.Run.Scenario).Run(new ScenarioInvocation(
                            settings, resolved, quiet, new ClusterOptions.Given(null, null, null, null, null), null, Stopwatch.StartNew()));
                        if (exit != ExitCodes.Success)
                        {
                            throw new InvalidOperationException($"scenario {settings.Run.Scenario} exited with {exit}");
                        }
                    }
                }
                catch (Exception e)
                {
                    failures[p] = e;
                    loop.Stop(); // no new points; those running finish and keep their files
                    return;
                }

                lock (progressLock)
                {
                    finished++;
                    console.Error.WriteLine($"[{finished}/{points.Count}] {points[p].Name} ({(wall.Elapsed - started).TotalSeconds:0.0} s)");
                }
            });

        if (!failures.IsEmpty)
        {
            var (index, failure) = failures.MinBy(f => f.Key);
            var reason = BadInput.Describe(failure) ?? failure.ToString();
            console.Error.WriteLine($"edgemoe sweep: point {points[index].Name} failed: {reason}");
            console.Error.WriteLine($"finished points keep their files under {Path.Combine(folder, "runs")}");
            return ExitCodes.RuntimeFailure;
        }

        var rows = points.SelectMany(p => SweepRow.Read(p, Path.Combine(folder, "runs", p.Name, "summary.json"), configured[p.Index].Settings.Run.Seed)).ToList();
        SweepCsv.Write(Path.Combine(folder, "sweep.csv"), axes, rows);
        console.Out.Write(SweepTable.Render(rows));
        console.Error.WriteLine($"wall time {wall.Elapsed.TotalSeconds:0.0} s; wrote {folder}/sweep.csv and {points.Count} runs under {folder}/runs");
        return report ? ReportCommand.Execute(console, folder) : ExitCodes.Success;
    }
}
