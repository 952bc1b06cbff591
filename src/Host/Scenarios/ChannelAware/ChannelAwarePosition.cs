namespace EdgeMoE.Host.Scenarios.ChannelAware;

/// <summary>
/// Where the scenario stands between two units of work (a training epoch or an evaluation point), as a checkpoint
/// records it.
/// </summary>
/// <param name="Units">Epochs and evaluation points done so far, over every K (the checkpoint's step).</param>
/// <param name="ExpertsIndex">Index of the current K in <c>experts</c>.</param>
/// <param name="Phase">Index of the current phase of that K (<see cref="ChannelAwarePhase.Of"/>).</param>
/// <param name="Done">Units done in that phase.</param>
/// <param name="Stage1Stopped">Whether stage 1's stopping rule ended it.</param>
/// <param name="Best">Stage 1's best held-out accuracy so far (a fraction).</param>
/// <param name="BestEpoch">The stage 1 epoch (from 1) that reached <paramref name="Best"/>; 0 before the first.</param>
/// <param name="Stale">Stage 1's epochs in a row without a sufficient gain since its last learning-rate drop.</param>
/// <param name="Drops">Stage 1's learning-rate drops so far.</param>
/// <param name="Ideal">The ideal-link accuracy of this K, once measured.</param>
internal sealed record ChannelAwarePosition(long Units, int ExpertsIndex, int Phase, int Done, bool Stage1Stopped, double Best, int BestEpoch, int Stale, int Drops, double? Ideal);
