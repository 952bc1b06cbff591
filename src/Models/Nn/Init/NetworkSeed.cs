using TorchSharp;

namespace EdgeMoE.Models.Nn;

/// <summary>
/// Seeds of torch generators: every network draws its initialisation (and dropout masks) from its own generator, seeded
/// from the run seed and the network's stable name, never from libtorch's global generator.
/// </summary>
public static class NetworkSeed
{
    /// <summary>A 64-bit seed for network <paramref name="name"/> of run <paramref name="runSeed"/> (FNV-1a of the name, mixed with splitmix64).</summary>
    public static ulong For(long runSeed, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(unchecked((ulong)runSeed) ^ hash);
    }

    /// <summary>A CPU generator seeded with <see cref="For"/>.</summary>
    public static torch.Generator Generator(long runSeed, string name)
    {
        TorchBackend.EnsureLoaded();
        return new torch.Generator(For(runSeed, name));
    }

    /// <summary>A CPU generator seeded with the next 64-bit draw of <paramref name="random"/> (already derived from the run seed and an actor's name).</summary>
    public static torch.Generator Generator(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        TorchBackend.EnsureLoaded();
        return new torch.Generator(unchecked((ulong)random.NextInt64(long.MinValue, long.MaxValue)));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
