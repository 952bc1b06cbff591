namespace EdgeMoE.Host.Scenarios;

/// <summary>
/// A run stopped because an edge node of its cluster was lost: a failure of the environment, not of EdgeMoE, so the
/// command prints this message alone (exit 1), without a stack trace.
/// </summary>
public sealed class EdgeNodeLostException(string message) : Exception(message);
