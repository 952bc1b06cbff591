using System.CommandLine;
using System.Globalization;
using EdgeMoE.Actors.Cluster.Tls;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Cluster;

namespace EdgeMoE.Host.Commands.Cluster;

/// <summary>
/// <c>edgemoe cluster new-credentials DIR</c>: a new cluster CA and node certificate in DIR (ca.crt, node.crt,
/// node.key); the CA's private key is not kept.
/// </summary>
internal static class NewCredentialsCommand
{
    public static Command Build(CliConsole console)
    {
        var directory = new Argument<string>("dir") { Description = "Directory to create the credentials in; refused if it already holds any of them." };
        var command = new Command(
            "new-credentials",
            "Create a new cluster's TLS credentials in DIR: ca.crt, node.crt and node.key (mode 0600). Every node of the " +
            "cluster uses the same directory; a node without it can neither join nor send a message.")
        {
            directory,
        };
        command.SetAction(parse => Execute(console, parse.GetRequiredValue(directory), TimeProvider.System));
        return command;
    }

    private static int Execute(CliConsole console, string directory, TimeProvider time)
    {
        var credentials = ClusterCredentialsMint.Create(time, ClusterCredentialsMint.DefaultValidity);
        var paths = CredentialsDirectory.Write(directory, credentials);
        var until = credentials.Node.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        console.Out.WriteLine($"{paths[0]}  the cluster's CA certificate (its private key was not kept)");
        console.Out.WriteLine($"{paths[1]}  the node certificate, signed by that CA, valid until {until}");
        console.Out.WriteLine($"{paths[2]}  its private key (mode 0600): keep it secret");
        console.Out.WriteLine(
            $"Next: copy {directory} to every machine of the cluster and give it to each edgemoe node (--credentials {directory}).");
        return ExitCodes.Success;
    }
}
