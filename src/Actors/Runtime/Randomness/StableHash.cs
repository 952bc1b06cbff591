namespace EdgeMoE.Actors.Runtime;

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
    /// The uid of a new actor (never <see cref="ActorPath.UndefinedUid"/>): a function of the system seed, the parent's
    /// uid, the name and the parent's count of children created before it. Incarnations of one name under one parent
    /// have different counts and, the mixing being a bijection for fixed other inputs, always different uids; a parent
    /// recreated under its old name passes a new uid down, so its children's uids change too.
    /// </summary>
    public static long ActorUid(ulong systemSeed, long parentUid, string name, long creation)
    {
        var place = Mix64(Mix64(systemSeed ^ 0xD1B54A32D192ED03UL) ^ Mix64((ulong)parentUid + 0x9E3779B97F4A7C15UL) ^ Fnv1a64(name));
        var uid = (long)Mix64(place ^ Mix64((ulong)creation + 0x632BE59BD9B4E019UL));
        return uid == ActorPath.UndefinedUid ? 1 : uid;
    }

    /// <summary>The seed of an actor's generator: (system seed, path, incarnation) mixed so that nearby inputs diverge.</summary>
    public static ulong ActorSeed(ulong systemSeed, ActorPath path, int incarnation) =>
        Mix64(Mix64(systemSeed + 0x9E3779B97F4A7C15UL) ^ Fnv1a64(path.ToStringWithoutAddress()) ^ Mix64((ulong)incarnation + 1));
}
