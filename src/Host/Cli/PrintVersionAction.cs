using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace EdgeMoE.Host.Cli;

/// <summary>
/// <c>--version</c>: prints the version of the edgemoe assembly itself (the default action reads the
/// entry assembly, which is the test host when the CLI runs in-process).
/// </summary>
internal sealed class PrintVersionAction(CliConsole console) : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(PrintVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PrintVersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        console.Out.WriteLine(Version);
        return ExitCodes.Success;
    }
}
