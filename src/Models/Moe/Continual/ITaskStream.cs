namespace EdgeMoE.Models.Moe.Continual;

/// <summary>A seeded stream of tasks of N clusters, drawn one at a time.</summary>
/// <typeparam name="TData">The tasks' training data.</typeparam>
public interface ITaskStream<TData>
{
    /// <summary>N, the number of clusters.</summary>
    int Clusters { get; }

    /// <summary>The next task.</summary>
    OffloadedTask<TData> Next();

    /// <summary>Tasks drawn so far (the stream's position, saved in a checkpoint).</summary>
    int Drawn { get; }

    /// <summary>
    /// Draws and discards <paramref name="count"/> tasks: a fresh stream of the same seed then stands where a saved one
    /// stood. Replaying from the seed is exact whatever generator the stream uses (System.Random's state cannot be read).
    /// </summary>
    void Skip(int count);
}
