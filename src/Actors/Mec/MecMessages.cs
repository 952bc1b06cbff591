using EdgeMoE.Models.Data.Regression;

namespace EdgeMoE.Actors.Mec;

/// <summary>The coordinator asks the user for the task of step <paramref name="Step"/> (from 1).</summary>
public sealed record NextTask(int Step);

/// <summary>The user's task of step <paramref name="Step"/>.</summary>
public sealed record TaskArrived(int Step, RegressionTask Task);

/// <summary>The coordinator offloads the task of step <paramref name="Step"/> to a server.</summary>
public sealed record TakeTask(int Step, RegressionTask Task);

/// <summary>A server fitted a task: it is busy until <paramref name="FreeFromStep"/> and its model moved by <paramref name="ModelChange"/>.</summary>
/// <param name="Server">The server's index.</param>
/// <param name="Step">The task's step.</param>
/// <param name="FreeFromStep">First step at which the server can take another task (transfer plus compute time, in steps).</param>
/// <param name="ModelChange">‖w_t − w_{t−1}‖₂.</param>
/// <param name="Weights">The server's model after the fit (a copy).</param>
public sealed record TaskTaken(int Server, int Step, int FreeFromStep, double ModelChange, IReadOnlyList<double> Weights);
