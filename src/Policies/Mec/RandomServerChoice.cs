namespace EdgeMoE.Policies.Mec;

/// <summary>A traditional MEC offloading rule: an available server drawn uniformly.</summary>
/// <param name="random">The coordinator's seeded generator.</param>
public sealed class RandomServerChoice(Random random) : IServerChoice
{
    /// <inheritdoc />
    public string Name => MecMethods.Random;

    /// <inheritdoc />
    public int Choose(ReadOnlySpan<double> featureSum, ReadOnlySpan<bool> available)
    {
        var count = 0;
        foreach (var free in available)
        {
            count += free ? 1 : 0;
        }

        if (count == 0)
        {
            return -1;
        }

        var pick = random.Next(count);
        for (var m = 0; m < available.Length; m++)
        {
            if (available[m] && pick-- == 0)
            {
                return m;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public ServerChoiceState Save() => new([], [], GeneratorState.Of(random));

    /// <inheritdoc />
    public void Restore(ServerChoiceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        GeneratorState.Restore(random, state.Generator);
    }

    /// <inheritdoc />
    public void Learn(int step, ReadOnlySpan<double> featureSum, int chosen, double modelChange)
    {
    }
}
