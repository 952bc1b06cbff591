namespace EdgeMoE.Policies.Mec;

/// <summary>
/// The least number of experts for the MoE to converge, in the form of arXiv 2412.15690: M = N·M_th·ln(1/δ).
/// Our reading of M_th (the paper's expression is not reachable here): the experts one cluster needs so that one of
/// them is free when its next task arrives, ⌈B / N⌉ for servers busy at most B steps while tasks of one cluster arrive
/// every N steps on average.
/// </summary>
public static class MinimumExperts
{
    /// <summary>⌈N·⌈B/N⌉·ln(1/δ)⌉.</summary>
    /// <param name="clusters">N, task clusters (≥ 1).</param>
    /// <param name="longestBusySteps">B, the most steps any server can be busy with one task (≥ 1).</param>
    /// <param name="delta">δ in (0, 1): the allowed probability of failing to converge.</param>
    public static int Of(int clusters, int longestBusySteps, double delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(longestBusySteps);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must lie in (0, 1).");
        }

        var perCluster = (longestBusySteps + clusters - 1) / clusters;
        return (int)Math.Ceiling(clusters * perCluster * Math.Log(1 / delta));
    }
}
