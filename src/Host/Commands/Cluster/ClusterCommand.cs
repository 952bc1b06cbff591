using System.CommandLine;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Cluster;

/// <summary><c>edgemoe cluster ...</c>: what several processes or machines need to run one emulation.</summary>
internal static class ClusterCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("cluster", "Prepare a cluster of edgemoe nodes (credentials for their TLS).");
        command.Subcommands.Add(NewCredentialsCommand.Build(console));
        return command;
    }
}
