namespace EdgeMoE.Policies.Mec;

/// <summary>What a routing method has learned and drawn so far, to continue it exactly after a checkpoint.</summary>
/// <param name="Values">Doubles (the gate's θ, row by row), restored bit for bit.</param>
/// <param name="Counters">Integers (tasks routed per server, flags, the stop step).</param>
/// <param name="Generator">The xoshiro256** state of its generator; empty for a method that draws nothing.</param>
public sealed record ServerChoiceState(double[] Values, long[] Counters, ulong[] Generator)
{
    /// <summary>The state of a method that neither learns nor draws.</summary>
    public static ServerChoiceState Empty { get; } = new([], [], []);
}
