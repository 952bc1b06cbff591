namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Exponential back-off between restarts: the n-th restart inside the retry window waits
/// min(<see cref="MaxBackoff"/>, <see cref="MinBackoff"/> × 2^(n-1)) × (1 + u·<see cref="RandomFactor"/>), u uniform in [0, 1)
/// from the supervisor's <c>Context.Random</c>. Delays run on the scheduler, so they are virtual in virtual time.
/// </summary>
/// <param name="MinBackoff">Delay before the first restart, &gt; 0.</param>
/// <param name="MaxBackoff">Upper bound of the delay, ≥ <paramref name="MinBackoff"/>.</param>
/// <param name="RandomFactor">Jitter fraction in [0, 1]; 0 gives exact doubling.</param>
public sealed record BackoffOptions(TimeSpan MinBackoff, TimeSpan MaxBackoff, double RandomFactor = 0)
{
    /// <summary>The delay before restart number <paramref name="restartCount"/> (1-based).</summary>
    public TimeSpan DelayFor(int restartCount, Random random)
    {
        if (MinBackoff <= TimeSpan.Zero || MaxBackoff < MinBackoff || RandomFactor is < 0 or > 1)
        {
            throw new ArgumentException($"Invalid back-off {this}: need 0 < MinBackoff ≤ MaxBackoff and RandomFactor in [0, 1].");
        }

        var exponent = Math.Clamp(restartCount - 1, 0, 62);
        var ticks = Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks * Math.Pow(2, exponent));
        var jitter = RandomFactor == 0 ? 1.0 : 1.0 + (random.NextDouble() * RandomFactor);
        return TimeSpan.FromTicks((long)Math.Min(ticks * jitter, TimeSpan.MaxValue.Ticks / 2.0));
    }
}
