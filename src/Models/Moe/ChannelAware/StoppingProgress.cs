namespace EdgeMoE.Models.Moe.ChannelAware;

/// <summary>
/// Where stage 1's stopping rule stands: the best held-out accuracy so far and the epochs in a row without a gain of
/// more than <see cref="ValidationStop.MinGain"/> over it (saved in checkpoints, so a resumed stage 1 stops on the same epoch).
/// </summary>
public sealed class StoppingProgress
{
    /// <summary>Best held-out accuracy so far (a fraction; −∞ before the first epoch).</summary>
    public double Best { get; private set; } = double.NegativeInfinity;

    /// <summary>Epochs in a row without a sufficient gain.</summary>
    public int Stale { get; private set; }

    /// <summary>A progress restored from <see cref="Best"/> and <see cref="Stale"/>.</summary>
    public static StoppingProgress Restored(double best, int stale) => new() { Best = best, Stale = stale };

    /// <summary>Takes an epoch's held-out accuracy; true when the rule says stop.</summary>
    public bool Observe(double accuracy, ValidationStop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        Stale = accuracy > Best + stop.MinGain ? 0 : Stale + 1;
        Best = Math.Max(Best, accuracy);
        return Stale >= stop.Patience;
    }
}
