using System.CommandLine;
using EdgeMoE.Host.Scenarios;

namespace EdgeMoE.Host.Cli;

/// <summary>Entry point of the <c>edgemoe</c> command: parses, dispatches and maps failures to exit codes.</summary>
public static class EdgeMoeCli
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand(
            "EdgeMoE: emulate edge networks that run distributed Mixture-of-Experts models, " +
            "with Lyapunov and JESA policies, fading links, energy queues and real training.");
        foreach (var command in CommandCatalog.TopLevel(console))
        {
            root.Subcommands.Add(command);
        }

        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersionAction(console);
            }
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Error.WriteLine($"edgemoe: {error.Message}");
            }
            console.Error.WriteLine("Run 'edgemoe --help' for usage.");
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // We map exceptions to exit codes ourselves (below), without stack traces for bad input.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parsed.Invoke(invocation);
        }
        catch (Exception ex) when (BadInput.Describe(ex) is { } message)
        {
            console.Error.WriteLine(message);
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            console.Error.WriteLine(FailureLine(ex));
            return ExitCodes.RuntimeFailure;
        }
    }

    /// <summary>
    /// What a failed command prints: a stopped run's reason on one line; anything else is a bug or the machine failing
    /// us, printed with its stack trace for the report.
    /// </summary>
    public static string FailureLine(Exception failure) => failure is RunStoppedException stopped
        ? $"edgemoe: the run stopped: {stopped.Message}"
        : $"edgemoe: unexpected failure: {failure}";
}
