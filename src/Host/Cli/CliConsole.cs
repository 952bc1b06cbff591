namespace EdgeMoE.Host.Cli;

/// <summary>
/// Where a command reads and writes: results to <see cref="Out"/>, diagnostics and progress to
/// <see cref="Error"/>, piped input (<c>--input -</c>) from <see cref="In"/>.
/// </summary>
/// <remarks>Injected so that commands can be run in-process by tests.</remarks>
public sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader? In = null)
{
    /// <summary>Standard input; empty when none was given.</summary>
    public TextReader Input => In ?? TextReader.Null;
}
