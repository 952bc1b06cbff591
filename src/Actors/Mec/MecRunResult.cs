namespace EdgeMoE.Actors.Mec;

/// <summary>What one MEC run measured.</summary>
/// <param name="Errors">G_t for t = 1..T (index t − 1); a step whose task no server could take repeats the previous value.</param>
/// <param name="Dropped">Tasks that found no available server.</param>
/// <param name="TasksPerServer">Tasks each server took.</param>
/// <param name="GateStoppedAt">The step on which the routing method stopped learning (the gate's termination); null if it never did.</param>
public sealed record MecRunResult(IReadOnlyList<double> Errors, int Dropped, IReadOnlyList<int> TasksPerServer, int? GateStoppedAt = null);
