using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Host.Scenarios;

/// <summary>Independent generators derived from the run seed for the scenario's own draws, one per purpose.</summary>
internal static class DerivedSeeds
{
    /// <summary>A generator for <paramref name="purpose"/> (e.g. "energy-budgets"), the same for the same seed.</summary>
    public static Random For(int seed, string purpose) =>
        new Xoshiro256Random(StableHash.Mix64(unchecked((ulong)seed) ^ StableHash.Fnv1a64(purpose)));
}
