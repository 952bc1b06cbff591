namespace EdgeMoE.Models.Compute;

/// <summary>One MEC server as the user sees it: its uplink, its CPU and how far away it is.</summary>
/// <param name="LinkRateBitsPerSecond">Rate of the user's link to the server (bit/s, &gt; 0).</param>
/// <param name="FrequencyHz">CPU frequency f (Hz, &gt; 0).</param>
/// <param name="DistanceMetres">Distance from the user (m, ≥ 0); the nearest-server baseline ranks by it.</param>
public sealed record MecServer(double LinkRateBitsPerSecond, double FrequencyHz, double DistanceMetres)
{
    /// <summary>
    /// Steps the server stays busy with a task: ⌈(bits / rate + cycles / f) / step⌉, at least 1, so that a server that
    /// takes a task at step t is free again from step t + the returned value.
    /// </summary>
    /// <param name="taskBits">Data the task carries (bits, ≥ 0).</param>
    /// <param name="taskCycles">CPU cycles its training takes (≥ 0).</param>
    /// <param name="stepSeconds">Length of one step, i.e. of one task arrival (s, &gt; 0).</param>
    public int BusySteps(double taskBits, double taskCycles, double stepSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSeconds);
        var seconds = (taskBits / LinkRateBitsPerSecond) + (taskCycles / FrequencyHz);
        return Math.Max(1, (int)Math.Ceiling(seconds / stepSeconds));
    }
}
