using System.CommandLine;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary><c>edgemoe solve PROBLEM --input FILE|-</c>: runs one policy solver on JSON instances and prints JSON.</summary>
internal static class SolveCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("solve", "Run one policy solver on a JSON instance (or an array of them) and print JSON.");
        foreach (var problem in SolverCatalog.All)
        {
            command.Subcommands.Add(problem.Build(console));
        }

        return command;
    }

    /// <summary>The <c>--input</c> option every solver takes.</summary>
    public static Option<string> InputOption() => new("--input", "-i")
    {
        Description = "JSON file with one instance or an array of instances; '-' reads standard input.",
        Required = true,
    };
}
