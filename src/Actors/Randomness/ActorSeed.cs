using EdgeMoE.Models.Randomness;

namespace EdgeMoE.Actors.Randomness;

/// <summary>
/// Where an actor's random generator comes from: the run seed and the actor's stable name, never Akka's path (which
/// depends on where the actor is placed). A name "/user/server-3" gives exactly the stream the retired runtime gave
/// its actor at that path, so arrivals and initial weights did not change with the port to Akka.NET.
/// </summary>
/// <param name="RunSeed">The run seed, as an unsigned 64-bit value (a negative <c>int</c> seed wraps).</param>
/// <param name="StableName">A name unique in the run and the same in every run, e.g. "/user/router".</param>
/// <remarks>
/// A restarted actor draws the same stream from the start again: Akka rebuilds it from its Props, whose constructor
/// calls <see cref="NewGenerator"/> with the same seed and name (incarnation 0 every time).
/// </remarks>
public sealed record ActorSeed(ulong RunSeed, string StableName)
{
    /// <summary>The seed of the top-level actor <paramref name="name"/> (stable name "/user/<paramref name="name"/>").</summary>
    public static ActorSeed ForUser(int runSeed, string name) => new(unchecked((ulong)runSeed), "/user/" + name);

    /// <summary>A fresh generator positioned at the start of this actor's stream.</summary>
    public Random NewGenerator() => new Xoshiro256Random(StableHash.ActorSeed(RunSeed, StableName, incarnation: 0));
}
