using System.CommandLine;
using System.Diagnostics;
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
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (HOCON), e.g. hocon/stable-moe.conf." };
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
        var cluster = new ClusterOptions();
        var command = new Command("run", "Run a scenario of the emulator and write its metrics.")
        {
            scenario, policy, slots, seed, output, dataset, dataDir, threads, concurrent, localNodes, minEdgeNodes, noReport,
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
            parse.GetValue(localNodes),
            !parse.GetValue(noReport)));
        return command;
    }

    private static int Execute(CliConsole console, FileInfo file, RunOverrides overrides, ClusterOptions.Given clusterOptions, int? localNodes, bool report)
    {
        var wall = Stopwatch.StartNew();
        TorchThreads.Set(1); // actors give the parallelism; one intra-op thread keeps every network bit-reproducible
        var (settings, resolved) = ScenarioRun.Load(file.ToString(), overrides.ToHocon());
        var scenario = ScenarioCatalog.Find(settings.Run.Scenario);
        var exit = scenario.Run(new ScenarioInvocation(settings, resolved, console, clusterOptions, localNodes, wall));
        return exit == ExitCodes.Success && report ? ReportCommand.Execute(console, settings.Run.OutputDir) : exit;
    }
}
