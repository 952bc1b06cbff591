namespace EdgeMoE.Actors.Edge.Clock;

/// <summary>How many slots a run has, how long each lasts, and when test accuracy is measured.</summary>
/// <param name="Slots">Number of slots T (&gt; 0).</param>
/// <param name="SlotLength">τ: a slot lasts at least this long in virtual time (longer when its messages take longer).</param>
/// <param name="EvaluationInterval">Accuracy is measured after every slot t with (t + 1) % interval == 0, and after the last.</param>
public sealed record SlotSchedule(long Slots, TimeSpan SlotLength, int EvaluationInterval)
{
    /// <summary>True when test accuracy is measured after <paramref name="slot"/>.</summary>
    public bool EvaluatesAfter(long slot) => (slot + 1) % EvaluationInterval == 0 || IsLast(slot);

    /// <summary>True for the final slot (whose evaluation uses the full test set).</summary>
    public bool IsLast(long slot) => slot == Slots - 1;

    /// <summary>Throws naming the first field out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Slots);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SlotLength, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EvaluationInterval);
    }
}
