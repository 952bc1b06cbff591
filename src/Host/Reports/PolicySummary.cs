using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Actors.Edge.Messages;

namespace EdgeMoE.Host.Reports;

/// <summary>The headline figures of one policy's run (a row of summary.json and of the comparison table).</summary>
/// <param name="Policy">Policy name.</param>
/// <param name="CumulativeThroughput">Tokens processed over the run.</param>
/// <param name="CumulativeArrivals">Tokens that arrived over the run: no policy processes more.</param>
/// <param name="TestAccuracy">Accuracy on the full test set after the last slot, in [0, 1].</param>
/// <param name="MeanTokenQueue">Mean of Q_j over slots and servers (tokens).</param>
/// <param name="MeanEnergyQueue">Mean of Z_j over slots and servers (J).</param>
/// <param name="TokenQueueGrowthLastHalf">Least-squares slope of Σ_j Q_j over the last half of the slots, divided by the mean arrivals per slot.</param>
/// <param name="EnergyQueueGrowthLastHalf">Least-squares slope of Σ_j Z_j over the last half of the slots, divided by the mean arrivals per slot.</param>
/// <param name="MeanEnergyJoules">Mean of E_j over slots and servers (J per server per slot).</param>
/// <param name="Tokens">Where every token stands after the last slot (arrivals, completed, queued, in flight, rerouted, lost).</param>
/// <param name="Events">The failures the run met (events.csv).</param>
public sealed record PolicySummary(
    string Policy, long CumulativeThroughput, long CumulativeArrivals, double TestAccuracy, double MeanTokenQueue, double MeanEnergyQueue,
    double TokenQueueGrowthLastHalf, double EnergyQueueGrowthLastHalf, double MeanEnergyJoules, TokenLedger? Tokens = null,
    IReadOnlyList<FailureEvent>? Events = null)
{
    /// <summary>Processed tokens over arrived tokens, in [0, 1] (0 when nothing arrived).</summary>
    public double ProcessedShare => CumulativeArrivals == 0 ? 0 : CumulativeThroughput / (double)CumulativeArrivals;

    /// <summary>Summarises a finished run from its slots, in order, with the failures it was scheduled to meet.</summary>
    public static PolicySummary Of(string policy, IReadOnlyList<SlotMetrics> slots, FailureSchedule? failures = null)
    {
        var servers = slots.Count == 0 ? 1 : slots[0].Servers.Count;
        var totalQ = slots.Select(s => (double)s.Servers.Sum(r => r.TokenBacklog)).ToArray();
        var totalZ = slots.Select(s => s.Servers.Sum(r => r.EnergyBacklog)).ToArray();
        var arrivals = slots.Count == 0 ? 0 : slots.Average(s => (double)s.Router.Arrivals);
        var lastHalf = slots.Count - (slots.Count / 2);
        double Growth(double[] totals) => arrivals == 0 ? 0 : LeastSquares.Slope(totals[lastHalf..]) / arrivals;
        double Mean(double[] totals) => totals.Length == 0 ? 0 : totals.Average() / servers;
        var final = slots.LastOrDefault(s => s.TestAccuracy is not null)?.TestAccuracy ?? 0;
        return new PolicySummary(
            policy,
            slots.Sum(s => (long)s.Router.Processed),
            slots.Sum(s => (long)s.Router.Arrivals),
            final,
            Mean(totalQ),
            Mean(totalZ),
            Growth(totalQ),
            Growth(totalZ),
            Mean([.. slots.Select(s => s.Servers.Sum(r => r.EnergyJoules))]),
            slots.Count == 0 ? null : slots[^1].Ledger,
            FailureEvent.Of(policy, failures, slots));
    }
}
