namespace EdgeMoE.Host.Cli;

/// <summary>
/// The user gave us something we cannot use (arguments, a config key, a JSON field, a data file).
/// The message is printed alone on stderr and the process exits with <see cref="ExitCodes.BadInput"/>;
/// it must name the file, key or field at fault.
/// </summary>
public sealed class BadInputException(string message, Exception? inner = null) : Exception(message, inner);
