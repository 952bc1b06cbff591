namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// Where stage 1's stopping rule stands: the best held-out accuracy so far, the epoch that reached it and the epochs in
/// a row without a gain of more than <see cref="ValidationStop.MinGain"/> over it (saved in checkpoints, so a resumed
/// stage 1 stops on the same epoch and keeps the same weights).
/// </summary>
public sealed class StoppingProgress
{
    /// <summary>Best held-out accuracy so far (a fraction; −∞ before the first epoch).</summary>
    public double Best { get; private set; } = double.NegativeInfinity;

    /// <summary>The epoch (from 1) whose held-out accuracy is <see cref="Best"/>; 0 before the first epoch.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Epochs in a row without a sufficient gain.</summary>
    public int Stale { get; private set; }

    /// <summary>Whether the epoch observed last set a new best (any gain, however small).</summary>
    public bool Improved { get; private set; }

    /// <summary>A progress restored from <see cref="Best"/>, <see cref="BestEpoch"/> and <see cref="Stale"/>.</summary>
    public static StoppingProgress Restored(double best, int bestEpoch, int stale) => new() { Best = best, BestEpoch = bestEpoch, Stale = stale };

    /// <summary>Takes epoch <paramref name="epoch"/>'s held-out accuracy; true when the rule says stop.</summary>
    public bool Observe(int epoch, double accuracy, ValidationStop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        Stale = accuracy > Best + stop.MinGain ? 0 : Stale + 1;
        Improved = accuracy > Best;
        if (Improved)
        {
            (Best, BestEpoch) = (accuracy, epoch);
        }

        return Stale >= stop.Patience;
    }
}
