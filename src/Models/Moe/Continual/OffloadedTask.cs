namespace EdgeMoE.Models.Moe.Continual;

/// <summary>A task of a continual task stream as a MEC network handles it.</summary>
/// <typeparam name="TData">The task's training data (a regression task, a batch of images).</typeparam>
/// <param name="Cluster">The cluster (task type) that generated it, in [0, N); only the error metric reads it.</param>
/// <param name="GateFeatures">What the gate scores the task on (the sum of its samples, or its mean image).</param>
/// <param name="Data">The training data the chosen server fits.</param>
public sealed record OffloadedTask<TData>(int Cluster, IReadOnlyList<double> GateFeatures, TData Data);
