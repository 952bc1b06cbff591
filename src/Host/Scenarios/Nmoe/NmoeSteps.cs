using EdgeMoE.Host.Checkpoints;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// The one counter that orders the scenario's steps (federated rounds of every process, stage-2 experts, RollGate passes,
/// local classifiers, inferences) across partitions. On resume the steps up to the checkpoint's are skipped: their
/// effect is in the restored state.
/// </summary>
/// <param name="checkpoints">--checkpoint-every and --resume.</param>
/// <param name="resumed">The step of the checkpoint resumed from (0 for a fresh run).</param>
internal sealed class NmoeSteps(Checkpointing checkpoints, long resumed)
{
    /// <summary>Steps counted so far.</summary>
    public long Current { get; set; }

    /// <summary>Runs the next step unless the resumed checkpoint already holds it, then saves when a checkpoint is due.</summary>
    /// <param name="work">The step.</param>
    /// <param name="save">Collects and writes the checkpoint of the step just done.</param>
    public void Next(Action work, Action<long> save)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(save);
        if (++Current <= resumed)
        {
            return;
        }

        work();
        if (checkpoints.IsDue(Current))
        {
            save(Current);
        }
    }
}
