using EdgeMoE.Models.Data;

namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// Stage 1's stopping rule: after every epoch the MoE's top-1 accuracy on ideal links is measured on
/// <paramref name="Images"/> (held out of the training set, never the test set). After <paramref name="Patience"/>
/// epochs in a row that do not beat the best accuracy so far by more than <paramref name="MinGain"/>, the learning rate
/// is multiplied by <paramref name="RateFactor"/> while fewer than <paramref name="RateDrops"/> drops have been made
/// (the count starts again), and training stops once none are left, or at the epoch cap. Which epoch's weights are
/// kept is the scenario's choice (<c>stage1-weights</c>).
/// </summary>
/// <param name="Images">Held-out training images (never trained on).</param>
/// <param name="MinGain">Smallest accuracy gain that counts as progress, as a fraction (0.002 = 0.2 points).</param>
/// <param name="Patience">Epochs in a row without progress that drop the learning rate or stop training (≥ 1).</param>
/// <param name="RateDrops">Learning-rate drops before a stall stops training (≥ 0; 0: the first stall stops it).</param>
/// <param name="RateFactor">What each drop multiplies the learning rate by, in (0, 1).</param>
public sealed record ValidationStop(LabeledImages Images, double MinGain, int Patience = 1, int RateDrops = 0, double RateFactor = 0.1);
