using System.CommandLine;
using EdgeMoE.Host.Commands;
using EdgeMoE.Host.Commands.Bench;
using EdgeMoE.Host.Commands.Cluster;
using EdgeMoE.Host.Commands.Config;
using EdgeMoE.Host.Commands.Node;
using EdgeMoE.Host.Commands.Report;
using EdgeMoE.Host.Commands.Run;
using EdgeMoE.Host.Commands.Solve;
using EdgeMoE.Host.Commands.Sweep;

namespace EdgeMoE.Host.Cli;

/// <summary>The top-level commands of <c>edgemoe</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> TopLevel(CliConsole console) =>
    [
        RunCommand.Build(console),
        SweepCommand.Build(console),
        ReportCommand.Build(console),
        NodeCommand.Build(console),
        SolveCommand.Build(console),
        BenchCommand.Build(console),
        ChannelCommand.Build(console),
        ConfigCommand.Build(console),
        ClusterCommand.Build(console),
        TrainCommand.Build(console),
    ];
}
