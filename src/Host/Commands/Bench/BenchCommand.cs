using System.CommandLine;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Bench;

/// <summary><c>edgemoe bench AREA [--json]</c>: measures one area; with --json the last line is a JSON object of the numbers.</summary>
internal static class BenchCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("bench", "Measure the speed of one area of EdgeMoE (numbers as JSON on the last line with --json).");
        foreach (var area in BenchCatalog.All)
        {
            command.Subcommands.Add(area.Build(console));
        }

        return command;
    }

    /// <summary>The <c>--json</c> flag every bench area takes.</summary>
    public static Option<bool> JsonOption() => new("--json")
    {
        Description = "Print the measured numbers as one JSON object on the last line.",
    };
}
