using System.CommandLine;
using EdgeMoE.Host.Commands;

namespace EdgeMoE.Host.Cli;

/// <summary>The top-level commands of <c>edgemoe</c>, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> TopLevel(CliConsole console) =>
    [
        RunCommand.Build(console),
    ];
}
