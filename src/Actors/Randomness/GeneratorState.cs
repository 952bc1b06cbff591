using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Actors.Randomness;

/// <summary>An actor's generator in its snapshot: the four words of its xoshiro256** state.</summary>
internal static class GeneratorState
{
    public static void Write(WireWriter w, Random random)
    {
        foreach (var word in Xoshiro(random).GetState())
        {
            w.WriteVarUInt(word);
        }
    }

    public static void Read(WireReader r, Random random) =>
        Xoshiro(random).SetState([r.ReadVarUInt(), r.ReadVarUInt(), r.ReadVarUInt(), r.ReadVarUInt()]);

    // Every actor generator comes from ActorSeed.NewGenerator, which makes a Xoshiro256Random.
    private static Xoshiro256Random Xoshiro(Random random) => random as Xoshiro256Random
        ?? throw new InvalidOperationException($"a {random.GetType().Name} cannot be checkpointed; actor generators are Xoshiro256Random");
}
