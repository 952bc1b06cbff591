namespace EdgeMoE.Policies.Jesa.Selection;

/// <summary>
/// When a sum of gating scores meets a QoS threshold (constraint C1). A relative slack of 1e-12 absorbs the
/// rounding of sums taken in different orders, so every solver and its oracle agree on borderline selections.
/// </summary>
public static class SelectionThreshold
{
    /// <summary>Relative slack on the threshold.</summary>
    public const double Slack = 1e-12;

    /// <summary>True when <paramref name="score"/> ≥ <paramref name="threshold"/> up to <see cref="Slack"/>.</summary>
    public static bool IsMet(double score, double threshold) => score >= threshold - Tolerance(threshold);

    /// <summary>The absolute slack for <paramref name="threshold"/>.</summary>
    public static double Tolerance(double threshold) => Slack * Math.Max(1.0, Math.Abs(threshold));
}
