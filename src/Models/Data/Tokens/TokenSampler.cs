using MathNet.Numerics.Distributions;

namespace EdgeMoE.Models.Data.Tokens;

/// <summary>
/// The token arrivals of the Stable-MoE experiments (Section IV): each slot a batch of Poisson(λ) images
/// whose labels are spread as evenly as possible over the classes (the remainder going to classes chosen
/// at random). Images of a class are drawn from its shuffled pool without replacement until the pool is
/// exhausted, then the pool is reshuffled. Classes with no image in the data set take no part.
/// </summary>
public sealed class TokenSampler
{
    private readonly Random _random;
    private readonly int[][] _pools;
    private readonly int[] _cursors;
    private readonly int[] _classes;

    /// <summary>Creates the sampler over a labelled image set.</summary>
    /// <param name="images">The images tokens are drawn from; at least one image.</param>
    /// <param name="lambda">λ, the mean number of tokens per slot; finite and > 0.</param>
    /// <param name="random">The generator all draws come from.</param>
    public TokenSampler(LabeledImages images, double lambda, Random random)
        : this((images ?? throw new ArgumentNullException(nameof(images))).Labels, images.Classes, lambda, random)
    {
    }

    /// <summary>Creates the sampler over the given labels.</summary>
    /// <param name="labels">The class of each item, in [0, <paramref name="classes"/>); at least one item.</param>
    /// <param name="classes">Number of classes, ≥ 1.</param>
    /// <param name="lambda">λ, the mean number of tokens per slot; finite and > 0.</param>
    /// <param name="random">The generator all draws come from.</param>
    public TokenSampler(IReadOnlyList<int> labels, int classes, double lambda, Random random)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (!(lambda > 0 && double.IsFinite(lambda)))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be finite and > 0.");
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException("The token sampler needs at least one item.", nameof(labels));
        }

        var counts = new int[classes];
        for (var i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"Label {labels[i]} of item {i} is outside [0, {classes}).", nameof(labels));
            }

            counts[labels[i]]++;
        }

        _random = random;
        _classes = [.. Enumerable.Range(0, classes).Where(k => counts[k] > 0)];
        _pools = new int[classes][];
        for (var k = 0; k < classes; k++)
        {
            _pools[k] = new int[counts[k]];
        }

        var filled = new int[classes];
        for (var i = 0; i < labels.Count; i++)
        {
            _pools[labels[i]][filled[labels[i]]++] = i;
        }

        foreach (var pool in _pools)
        {
            FisherYates.Shuffle(random, pool.AsSpan());
        }

        _cursors = new int[classes];
        Lambda = lambda;
    }

    /// <summary>λ, the mean number of tokens per slot.</summary>
    public double Lambda { get; }

    /// <summary>Slots drawn so far.</summary>
    public long Slots { get; private set; }

    /// <summary>
    /// What the sampler holds besides its generator (which its owner saves): the per-class pools in their current
    /// order, each pool's cursor and the slots drawn, to continue a checkpointed run exactly.
    /// </summary>
    public (int[][] Pools, int[] Cursors, long Slots) ExportState() => ([.. _pools.Select(p => (int[])p.Clone())], (int[])_cursors.Clone(), Slots);

    /// <summary>Puts back what <see cref="ExportState"/> returned for a sampler over the same items.</summary>
    /// <exception cref="ArgumentException">Pools or cursors of another shape.</exception>
    public void ImportState(int[][] pools, int[] cursors, long slots)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(cursors);
        if (pools.Length != _pools.Length || cursors.Length != _cursors.Length
            || Enumerable.Range(0, pools.Length).Any(k => pools[k].Length != _pools[k].Length || (uint)cursors[k] > (uint)_pools[k].Length))
        {
            throw new ArgumentException("token sampler state of another shape (other images or classes)", nameof(pools));
        }

        for (var k = 0; k < pools.Length; k++)
        {
            pools[k].CopyTo(_pools[k], 0);
        }

        cursors.CopyTo(_cursors, 0);
        Slots = slots;
    }

    /// <summary>The tokens of the next slot: a Poisson(λ) number of balanced item indices, in random order.</summary>
    public int[] NextSlot()
    {
        var count = Poisson.Sample(_random, Lambda);
        Slots++;
        return Draw(count);
    }

    /// <summary>
    /// <paramref name="count"/> item indices with labels spread as evenly as possible over the classes,
    /// in random order. Advances the per-class pools but not <see cref="Slots"/>.
    /// </summary>
    public int[] Draw(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var present = _classes.Length;
        var perClass = count / present;
        var tokens = new int[count];
        var filled = 0;
        foreach (var k in _classes)
        {
            filled = Take(k, perClass, tokens, filled);
        }

        var order = (int[])_classes.Clone();
        foreach (var k in FisherYates.Choose(_random, order.AsSpan(), count % present))
        {
            filled = Take(k, 1, tokens, filled);
        }

        FisherYates.Shuffle(_random, tokens.AsSpan());
        return tokens;
    }

    /// <summary>Copies the next <paramref name="count"/> items of class <paramref name="k"/>, reshuffling its pool when spent.</summary>
    private int Take(int k, int count, int[] tokens, int filled)
    {
        var pool = _pools[k];
        while (count > 0)
        {
            if (_cursors[k] == pool.Length)
            {
                FisherYates.Shuffle(_random, pool.AsSpan());
                _cursors[k] = 0;
            }

            var n = Math.Min(count, pool.Length - _cursors[k]);
            pool.AsSpan(_cursors[k], n).CopyTo(tokens.AsSpan(filled));
            _cursors[k] += n;
            filled += n;
            count -= n;
        }

        return filled;
    }
}
