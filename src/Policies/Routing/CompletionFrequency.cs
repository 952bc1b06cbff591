using EdgeMoE.Models.Compute;

namespace EdgeMoE.Policies.Routing;

/// <summary>The CPU frequency a server runs at to complete a chosen number of tokens in one slot.</summary>
public static class CompletionFrequency
{
    /// <summary>
    /// The smallest frequency that completes <paramref name="tokens"/> tokens, d·c/τ (Hz), clipped to f_max so that
    /// a last-ulp excess never breaks C2 (the capacity floor still yields d, see <see cref="StableMoeCompute.Capacity"/>).
    /// Energy grows with f, so for a given completion count this is also the cheapest frequency.
    /// </summary>
    public static double ToComplete(long tokens, SlotInstance slot, ExpertState expert)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(expert);
        return tokens <= 0
            ? 0
            : Math.Min(StableMoeCompute.MinimumFrequency(tokens, slot.SlotSeconds, slot.CyclesPerToken), expert.MaxFrequencyHz);
    }

    /// <summary>The most tokens the expert can complete this slot with f ≤ f_max and E ≤ <paramref name="energyCapJoules"/>.</summary>
    public static long MaxTokens(SlotInstance slot, ExpertState expert, double energyCapJoules)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(expert);
        return StableMoeCompute.MaxTokensWithin(
            expert.MaxFrequencyHz, energyCapJoules, expert.SwitchedCapacitance, slot.SlotSeconds, slot.CyclesPerToken);
    }
}
