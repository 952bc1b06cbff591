using System.CommandLine;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Config;

/// <summary><c>edgemoe config ...</c>: inspect configuration files.</summary>
internal static class ConfigCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("config", "Inspect HOCON configuration files.");
        command.Subcommands.Add(ConfigShowCommand.Build(console));
        return command;
    }
}
