namespace EdgeMoE.Models.Randomness;

/// <summary>
/// Hashes that are the same in every process and on every machine (unlike <see cref="string.GetHashCode()"/>,
/// which .NET randomises per process): FNV-1a over UTF-16 code units and the SplitMix64 finaliser.
/// </summary>
public static class StableHash
{
    /// <summary>64-bit FNV-1a of the string's UTF-16 code units.</summary>
    public static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The SplitMix64 output function: a bijective 64-bit mixer.</summary>
    public static ulong Mix64(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// The seed of an actor's generator: (run seed, stable name, incarnation) mixed so that nearby inputs diverge. The
    /// name is a path without address such as "/user/server-3"; the retired runtime seeded its actors exactly so.
    /// </summary>
    public static ulong ActorSeed(ulong runSeed, string stableName, int incarnation) =>
        Mix64(Mix64(runSeed + 0x9E3779B97F4A7C15UL) ^ Fnv1a64(stableName) ^ Mix64((ulong)incarnation + 1));
}
