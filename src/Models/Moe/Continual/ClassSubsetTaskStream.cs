using EdgeMoE.Models.Data;

namespace EdgeMoE.Models.Moe.Continual;

/// <summary>
/// The real-data task stream of the MoE-for-MEC paper's DNN check: N fixed class subsets of an image set; a task picks a
/// subset uniformly and carries images of its classes drawn uniformly (with repeats). The gate scores a task on its
/// mean image minus the mean image of the whole training set, scaled to unit length: the part every task shares (all
/// pixels are non-negative) carries no subset, and unit length puts the score on the synthetic family's scale (its
/// signal β·e_n has length β ≤ C = 1), for which the gate's learning rate was derived.
/// </summary>
public sealed class ClassSubsetTaskStream : ITaskStream<LabeledImages>
{
    private readonly LabeledImages _images;
    private readonly int[][] _pools;
    private readonly int _imagesPerTask;
    private readonly Random _random;
    private readonly double[] _centre;

    /// <summary>A stream over <paramref name="images"/> whose task n holds images of the classes in <paramref name="groups"/>[n].</summary>
    /// <param name="images">Training images.</param>
    /// <param name="groups">The N class subsets.</param>
    /// <param name="imagesPerTask">Images per task (≥ 1).</param>
    /// <param name="random">Seeded generator of the subsets and images.</param>
    public ClassSubsetTaskStream(LabeledImages images, IReadOnlyList<int[]> groups, int imagesPerTask, Random random)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imagesPerTask);
        _images = images;
        _pools = [.. groups.Select(g => Enumerable.Range(0, images.Count).Where(i => g.Contains(images.Labels[i])).ToArray())];
        var empty = Array.FindIndex(_pools, p => p.Length == 0);
        if (empty >= 0)
        {
            throw new ArgumentException($"class subset {empty} ({string.Join(", ", groups[empty])}) has no images", nameof(groups));
        }

        _imagesPerTask = imagesPerTask;
        _random = random;
        _centre = MeanImage(images);
    }

    /// <inheritdoc />
    public int Clusters => _pools.Length;

    /// <summary>
    /// N subsets of <paramref name="classesPerTask"/> consecutive classes (mod <paramref name="classes"/>): subset n starts
    /// at class n·k, so with N·k ≤ classes the subsets are disjoint.
    /// </summary>
    public static IReadOnlyList<int[]> Groups(int groups, int classesPerTask, int classes) =>
        [.. Enumerable.Range(0, groups).Select(n => Enumerable.Range(0, classesPerTask).Select(j => ((n * classesPerTask) + j) % classes).ToArray())];

    /// <inheritdoc />
    public int Drawn { get; private set; }

    /// <inheritdoc />
    public void Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            Draw();
        }
    }

    /// <inheritdoc />
    public OffloadedTask<LabeledImages> Next()
    {
        var (cluster, indices) = Draw();

        var data = _images.Subset(indices);
        var mean = MeanImage(data);
        var norm = 0.0;
        for (var p = 0; p < mean.Length; p++)
        {
            mean[p] -= _centre[p];
            norm += mean[p] * mean[p];
        }

        norm = Math.Sqrt(norm);
        for (var p = 0; norm > 0 && p < mean.Length; p++)
        {
            mean[p] /= norm;
        }

        return new OffloadedTask<LabeledImages>(cluster, mean, data);
    }

    private static double[] MeanImage(LabeledImages images)
    {
        var mean = new double[images.ImageSize];
        for (var i = 0; i < images.Count; i++)
        {
            var image = images.Image(i);
            for (var p = 0; p < mean.Length; p++)
            {
                mean[p] += image[p];
            }
        }

        for (var p = 0; p < mean.Length; p++)
        {
            mean[p] /= images.Count;
        }

        return mean;
    }

    // The subset and image indices of the next task: every draw the stream makes.
    private (int Cluster, int[] Indices) Draw()
    {
        Drawn++;
        var cluster = _random.Next(_pools.Length);
        var pool = _pools[cluster];
        var indices = new int[_imagesPerTask];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = pool[_random.Next(pool.Length)];
        }

        return (cluster, indices);
    }
}
