namespace EdgeMoE.Host.Scenarios.Mec;

/// <summary>The summary of one run in summary.json.</summary>
/// <param name="Key">The run.</param>
/// <param name="InitialError">G_1.</param>
/// <param name="FinalError">G_T.</param>
/// <param name="ConvergenceStep">The first step from which G_t stays below the convergence fraction of G_1, or null.</param>
/// <param name="Dropped">Tasks no server was available for.</param>
/// <param name="GateStopStep">T1 of the MoE gate; null for the baselines.</param>
/// <param name="GateStoppedAt">The step on which the gate's termination test stopped its learning; null if it never did.</param>
public sealed record MecRunSummary(MecRunKey Key, double InitialError, double FinalError, int? ConvergenceStep, int Dropped, int? GateStopStep, int? GateStoppedAt = null)
{
    /// <summary>Summarises G_t (<paramref name="errors"/>, index t − 1) of one run.</summary>
    public static MecRunSummary Of(MecRunKey key, IReadOnlyList<double> errors, int dropped, double fraction, int? gateStop, int? gateStoppedAt = null)
    {
        var initial = errors.Count > 0 ? errors[0] : 0;
        return new MecRunSummary(key, initial, errors.Count > 0 ? errors[^1] : 0, FirstConvergedStep(errors, fraction), dropped, gateStop, gateStoppedAt);
    }

    /// <summary>The first step t from which G_t (<paramref name="errors"/>, index t − 1) stays below <paramref name="fraction"/> of G_1, or null.</summary>
    public static int? FirstConvergedStep(IReadOnlyList<double> errors, double fraction)
    {
        var threshold = errors.Count > 0 ? fraction * errors[0] : 0;
        int? converged = null;
        for (var t = errors.Count; t >= 1 && errors[t - 1] < threshold; t--)
        {
            converged = t;
        }

        return converged;
    }
}
