using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Scenarios.Checkpoints;

/// <summary>How far one policy's emulation got when a checkpoint was taken.</summary>
/// <param name="Rows">Its slots' metrics so far (all of them once finished).</param>
/// <param name="Snapshot">Its network's state after the last of <paramref name="Rows"/>; null when finished or not started.</param>
/// <param name="Finished">True once its last slot is done.</param>
internal sealed record PolicyProgress(IReadOnlyList<SlotMetrics> Rows, NetworkSnapshot? Snapshot, bool Finished)
{
    /// <summary>A policy not started yet.</summary>
    public static PolicyProgress NotStarted { get; } = new([], null, false);

    /// <summary>Slots done, the policy's share of a checkpoint's step.</summary>
    public long SlotsDone => Rows.Count;
}
