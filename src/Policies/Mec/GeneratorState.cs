using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Policies.Mec;

/// <summary>Saves and restores a routing method's generator, which must be a <see cref="Xoshiro256Random"/> (every seeded one here is).</summary>
internal static class GeneratorState
{
    public static ulong[] Of(Random random) => random is Xoshiro256Random xoshiro
        ? xoshiro.GetState()
        : throw new NotSupportedException($"a {random.GetType().Name} cannot be saved; seed methods with a Xoshiro256Random");

    public static void Restore(Random random, ulong[] state)
    {
        if (random is not Xoshiro256Random xoshiro)
        {
            throw new NotSupportedException($"a {random.GetType().Name} cannot be restored; seed methods with a Xoshiro256Random");
        }

        xoshiro.SetState(state);
    }
}
