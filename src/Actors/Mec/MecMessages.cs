using EdgeMoE.Models.Moe.Continual;

namespace EdgeMoE.Actors.Mec;

/// <summary>The coordinator asks the user for the task of step <paramref name="Step"/> (from 1).</summary>
public sealed record NextTask(int Step);

/// <summary>The user's task of step <paramref name="Step"/>.</summary>
/// <typeparam name="TData">The task's training data.</typeparam>
public sealed record TaskArrived<TData>(int Step, OffloadedTask<TData> Task);

/// <summary>The coordinator offloads the task of step <paramref name="Step"/> to a server.</summary>
/// <typeparam name="TData">The task's training data.</typeparam>
/// <param name="RateFactor">The server's link rate is multiplied by this for the task (a slow-link failure; 1 otherwise).</param>
/// <param name="FreshExpert">True for the first task after the server recovered from a crash: its expert starts afresh.</param>
public sealed record TakeTask<TData>(int Step, TData Data, double RateFactor = 1, bool FreshExpert = false);

/// <summary>A server learned a task: it is busy until <paramref name="FreeFromStep"/> and its model moved by <paramref name="ModelChange"/>.</summary>
/// <param name="Server">The server's index.</param>
/// <param name="Step">The task's step.</param>
/// <param name="FreeFromStep">First step at which the server can take another task (transfer plus compute time, in steps).</param>
/// <param name="ModelChange">‖θ_t − θ_{t−1}‖₂ of its expert.</param>
/// <param name="ErrorByCluster">Its expert's error on each cluster after the fit (for G_t only).</param>
public sealed record TaskTaken(int Server, int Step, int FreeFromStep, double ModelChange, IReadOnlyList<double> ErrorByCluster);

/// <summary>
/// The coordinator asks a server that did not take the task of step <paramref name="Step"/> how much its expert would
/// change to fit it (the gate's locality cost of that server); the expert stays as it is.
/// </summary>
/// <typeparam name="TData">The task's training data.</typeparam>
/// <param name="FreshExpert">True for a server back from a crash: the change of a fresh expert.</param>
public sealed record MeasureFit<TData>(int Step, TData Data, bool FreshExpert = false);

/// <summary>The reply to <see cref="MeasureFit{TData}"/>: the change ‖Δθ‖₂ the server's expert would make.</summary>
public sealed record FitMeasured(int Server, int Step, double Change);

/// <summary>The coordinator asks a server for a copy of its expert's state (between steps, for a checkpoint).</summary>
public sealed record SaveExpert;

/// <summary>A server's expert state, the reply to <see cref="SaveExpert"/>; the receiver owns (disposes) it.</summary>
public sealed record ExpertSaved(int Server, ContinualExpertState State);

/// <summary>The host wrote the checkpoint the coordinator paused for: the run goes on.</summary>
public sealed record ContinueRun;
