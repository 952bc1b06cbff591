namespace EdgeMoE.Models.Data.Partitioning;

/// <summary>
/// The non-IID(τ) split of the Networked-MoE paper (Section IV-A): every client holds all classes, and
/// its dominant class makes up a fraction 1 − τ of its items (a lower τ is more non-IID). Client c's
/// dominant class is c mod K, so dominant classes are spread evenly; the other τ·n items are shared as
/// evenly as possible among the other K − 1 classes (the remainder going to classes chosen at random).
/// Items are drawn without replacement from shuffled per-class pools.
/// </summary>
public sealed class DominantClassPartitioner : IClientPartitioner
{
    /// <summary>Creates the partitioner.</summary>
    /// <param name="tau">τ in [0, 1]: the share of each client's items outside its dominant class.</param>
    /// <param name="samplesPerClient">n, items per client, ≥ 1.</param>
    public DominantClassPartitioner(double tau, int samplesPerClient)
    {
        if (!(tau >= 0 && tau <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must lie in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerClient, 1);
        Tau = tau;
        SamplesPerClient = samplesPerClient;
    }

    /// <summary>τ, the share of each client's items outside its dominant class.</summary>
    public double Tau { get; }

    /// <summary>n, items per client.</summary>
    public int SamplesPerClient { get; }

    /// <summary>Items of the dominant class per client: round((1 − τ)·n), all n when there is one class.</summary>
    public int DominantCount(int classes) =>
        classes == 1 ? SamplesPerClient : (int)Math.Round((1 - Tau) * SamplesPerClient, MidpointRounding.ToEven);

    /// <summary>The dominant class of client <paramref name="client"/>.</summary>
    public static int DominantClass(int client, int classes) => client % classes;

    /// <inheritdoc />
    public int[][] Partition(IReadOnlyList<int> labels, int classes, int clients, Random random)
    {
        var pools = ClassPools.Shuffled(labels, classes, clients, random);
        var quotas = Quotas(classes, clients, random);

        var demand = new long[classes];
        foreach (var quota in quotas)
        {
            for (var k = 0; k < classes; k++)
            {
                demand[k] += quota[k];
            }
        }

        for (var k = 0; k < classes; k++)
        {
            if (demand[k] > pools[k].Length)
            {
                throw new ArgumentException(
                    $"Non-IID(τ={Tau}) with {clients} clients × {SamplesPerClient} samples needs {demand[k]} items of class {k}; the data set has {pools[k].Length}. Use fewer samples per client.",
                    nameof(labels));
            }
        }

        var taken = new int[classes];
        var parts = new int[clients][];
        for (var c = 0; c < clients; c++)
        {
            var part = new int[SamplesPerClient];
            var filled = 0;
            for (var k = 0; k < classes; k++)
            {
                pools[k].AsSpan(taken[k], quotas[c][k]).CopyTo(part.AsSpan(filled));
                taken[k] += quotas[c][k];
                filled += quotas[c][k];
            }

            FisherYates.Shuffle(random, part.AsSpan());
            parts[c] = part;
        }

        return parts;
    }

    /// <summary>How many items of each class each client receives.</summary>
    private int[][] Quotas(int classes, int clients, Random random)
    {
        var dominant = DominantCount(classes);
        var others = new int[classes - 1];
        var quotas = new int[clients][];
        for (var c = 0; c < clients; c++)
        {
            var quota = new int[classes];
            var home = DominantClass(c, classes);
            quota[home] = dominant;
            if (classes > 1)
            {
                var rest = SamplesPerClient - dominant;
                var share = rest / (classes - 1);
                var o = 0;
                for (var k = 0; k < classes; k++)
                {
                    if (k != home)
                    {
                        quota[k] = share;
                        others[o++] = k;
                    }
                }

                foreach (var k in FisherYates.Choose(random, others.AsSpan(), rest % (classes - 1)))
                {
                    quota[k]++;
                }
            }

            quotas[c] = quota;
        }

        return quotas;
    }
}
