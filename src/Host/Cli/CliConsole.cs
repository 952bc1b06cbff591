namespace EdgeMoE.Host.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, diagnostics and progress to <see cref="Error"/>.</summary>
/// <remarks>Injected so that commands can be run in-process by tests.</remarks>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
