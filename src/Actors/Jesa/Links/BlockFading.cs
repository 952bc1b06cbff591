using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Actors.Jesa.Links;

/// <summary>
/// Rayleigh block fading of one link: the power gains of its M subcarriers, i.i.d. exponential with mean equal to the
/// path loss, constant within a layer round and redrawn for the next. Each round's gains come from a generator seeded
/// by (run seed, link name, round, layer), so every scheme of a run sees the same channels.
/// </summary>
public static class BlockFading
{
    /// <summary>H^(m) for m = 0..M-1 of <paramref name="link"/> in (round, layer).</summary>
    public static double[] Gains(int runSeed, string link, int round, int layer, int subcarriers, double pathLoss)
    {
        var seed = StableHash.Mix64(StableHash.Mix64(unchecked((ulong)runSeed) ^ StableHash.Fnv1a64(link)) ^ ((ulong)(uint)round << 20) ^ (uint)layer);
        var random = new Xoshiro256Random(seed);
        var gains = new double[subcarriers];
        for (var m = 0; m < subcarriers; m++)
        {
            // Inverse CDF of the exponential; 1 - U lies in (0, 1], so the gain is finite.
            gains[m] = -pathLoss * Math.Log(1 - random.NextDouble());
        }

        return gains;
    }
}
