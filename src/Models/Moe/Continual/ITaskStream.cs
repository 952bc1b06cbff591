namespace EdgeMoE.Models.Moe.Continual;

/// <summary>A seeded stream of tasks of N clusters, drawn one at a time.</summary>
/// <typeparam name="TData">The tasks' training data.</typeparam>
public interface ITaskStream<TData>
{
    /// <summary>N, the number of clusters.</summary>
    int Clusters { get; }

    /// <summary>The next task.</summary>
    OffloadedTask<TData> Next();
}
