namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// A run stopped for a reason its message states in full (it stalled, or the cluster it ran on lost it), not for a bug:
/// <c>edgemoe</c> prints the message on one line, without a stack trace, and exits 1.
/// </summary>
public sealed class RunStoppedException(string message) : Exception(message);
