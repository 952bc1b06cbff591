using System.CommandLine;
using System.Runtime.InteropServices;
using EdgeMoE.Actors.Cluster;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;
using EdgeMoE.Host.Settings;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Host.Commands.Node;

/// <summary>
/// <c>edgemoe node --seed-nodes HOST:PORT[,...]</c>: an edge member that hosts the edge actors (expert servers and
/// their links, ...) coordinators place on it, run after run, until stopped.
/// </summary>
internal static class NodeCommand
{
    public static Command Build(CliConsole console)
    {
        var cluster = new ClusterOptions();
        cluster.SeedNodes.Required = true;
        var roles = new Option<string?>("--roles") { Description = "Roles of this member: edge (the only role a node takes; the coordinator is `edgemoe run`)." };
        var exitAfterRun = new Option<bool>("--exit-after-run") { Description = "Serve one run, then exit." };
        var config = new Option<FileInfo?>("--config") { Description = "Scenario file whose akka and edgemoe.cluster sections apply (default: reference.conf)." };
        var threads = new Option<int?>("--threads") { Description = "Actor dispatcher threads (0 = one per core); results do not depend on it." };
        var untilStdinCloses = new Option<bool>(UntilStdinClosesOption)
        {
            Description = "Stop when standard input closes: how a coordinator that started this node (--local-nodes) takes it along, even when killed.",
        };
        var command = new Command("node", "Run an edge node of an EdgeMoE cluster: it hosts the edge actors coordinators place on it.")
        {
            roles, exitAfterRun, config, threads, untilStdinCloses,
        };
        foreach (var option in cluster.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Execute(
            console, cluster.Read(parse), parse.GetValue(roles), parse.GetValue(exitAfterRun), parse.GetValue(config), parse.GetValue(threads),
            parse.GetValue(untilStdinCloses)));
        return command;
    }

    /// <summary>The option a coordinator gives the nodes it starts, whose standard input it holds open while it lives.</summary>
    public const string UntilStdinClosesOption = "--until-stdin-closes";

    private static int Execute(CliConsole console, ClusterOptions.Given given, string? roles, bool exitAfterRun, FileInfo? config, int? threads, bool untilStdinCloses)
    {
        if (roles is not null && roles.Trim() != ClusterRoles.Edge)
        {
            throw new BadInputException($"--roles: \"{roles}\" is not a role a node takes; the only one is {ClusterRoles.Edge} (the coordinator is `edgemoe run --seed-nodes ...`)");
        }

        if (threads is < 0)
        {
            throw new BadInputException($"--threads must be >= 0, got {threads}");
        }

        var settings = SettingsLoader.Load(config?.ToString() ?? ReferenceConfig.Shipped);
        var clusterSettings = given.Over(settings.Cluster);
        var seeds = SeedNodes.Parse(given.SeedNodes ?? "");
        var credentials = ClusterSecurity.Credentials(clusterSettings.Credentials, "--credentials");
        var threadCount = threads is null or 0 ? Environment.ProcessorCount : threads.Value;
        TorchThreads.Set(1); // like `run`: one intra-op thread keeps every expert bit-reproducible
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        if (untilStdinCloses)
        {
            // The pipe closes when the coordinator ends, however it ends (SIGKILL included): no orphan nodes.
            new Thread(() =>
            {
                using var input = Console.OpenStandardInput();
                var buffer = new byte[64];
                while (input.Read(buffer) > 0)
                {
                }

                stop.Cancel();
            })
            { IsBackground = true, Name = "coordinator watch" }.Start();
        }
        EdgeNodeHost.Serve(
            () => ClusterNodeSystem.Start(ClusterRoles.Edge, clusterSettings.Hostname, clusterSettings.Port, settings.Actors.Akka, threadCount, credentials),
            seeds, clusterSettings.JoinTimeout, exitAfterRun, console.Error, stop.Token);
        return ExitCodes.Success;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
