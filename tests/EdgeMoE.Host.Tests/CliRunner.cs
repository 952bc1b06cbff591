using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Tests;

/// <summary>Runs <c>edgemoe</c> in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = EdgeMoeCli.Run(args, new CliConsole(output, error));
        return (exit, output.ToString(), error.ToString());
    }
}
