namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// Where stage 1's stopping rule stands: the best held-out accuracy so far, the epoch that reached it, the epochs in a
/// row without a gain of more than <see cref="ValidationStop.MinGain"/> over it and the learning-rate drops made (saved
/// in checkpoints, so a resumed stage 1 trains at the same rate, stops on the same epoch and keeps the same weights).
/// </summary>
public sealed class StoppingProgress
{
    /// <summary>Best held-out accuracy so far (a fraction; −∞ before the first epoch).</summary>
    public double Best { get; private set; } = double.NegativeInfinity;

    /// <summary>The epoch (from 1) whose held-out accuracy is <see cref="Best"/>; 0 before the first epoch.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Epochs in a row without a sufficient gain since the last learning-rate drop.</summary>
    public int Stale { get; private set; }

    /// <summary>Learning-rate drops made so far.</summary>
    public int Drops { get; private set; }

    /// <summary>Whether the epoch observed last set a new best (any gain, however small).</summary>
    public bool Improved { get; private set; }

    /// <summary>Whether the epoch observed last dropped the learning rate.</summary>
    public bool Dropped { get; private set; }

    /// <summary>A progress restored from <see cref="Best"/>, <see cref="BestEpoch"/>, <see cref="Stale"/> and <see cref="Drops"/>.</summary>
    public static StoppingProgress Restored(double best, int bestEpoch, int stale, int drops) =>
        new() { Best = best, BestEpoch = bestEpoch, Stale = stale, Drops = drops };

    /// <summary>The learning rate after the drops made so far, from <paramref name="initial"/>.</summary>
    public double Rate(double initial, ValidationStop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        return initial * Math.Pow(stop.RateFactor, Drops);
    }

    /// <summary>
    /// Takes epoch <paramref name="epoch"/>'s held-out accuracy; true when the rule says stop. A stall with drops left
    /// drops the learning rate instead (<see cref="Dropped"/>; apply <see cref="Rate"/>) and starts the count again.
    /// </summary>
    public bool Observe(int epoch, double accuracy, ValidationStop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        Stale = accuracy > Best + stop.MinGain ? 0 : Stale + 1;
        Improved = accuracy > Best;
        Dropped = false;
        if (Improved)
        {
            (Best, BestEpoch) = (accuracy, epoch);
        }

        if (Stale < stop.Patience)
        {
            return false;
        }

        if (Drops < stop.RateDrops)
        {
            (Drops, Stale, Dropped) = (Drops + 1, 0, true);
            return false;
        }

        return true;
    }
}
