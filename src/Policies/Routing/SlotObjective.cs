using EdgeMoE.Models.Compute;

namespace EdgeMoE.Policies.Routing;

/// <summary>
/// The one evaluator of problem P1 (paper eqs. 13–15) shared by every policy, the tests and the reports:
/// V·[Σ_j ln(1+d_com_j) + μ·Σ_ij g_ij·x_ij] − Σ_j Q_j·(d_rou_j − d_com_j) − Σ_j Z_j·(E_j − E_avg_j).
/// </summary>
public static class SlotObjective
{
    /// <summary>Evaluates a routing and frequencies and packs them as a <see cref="RoutingDecision"/>.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="routing">Per token, its experts (sorted ascending here, in place).</param>
    /// <param name="frequencyHz">f_j per expert (Hz).</param>
    /// <param name="completionCap">Per expert, the most tokens it may complete (see <see cref="RoutingDecision.CompletionCap"/>); null for none.</param>
    public static RoutingDecision Decide(SlotInstance slot, int[][] routing, double[] frequencyHz, long[]? completionCap = null)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(frequencyHz);
        var experts = slot.ExpertCount;
        if (routing.Length != slot.TokenCount || frequencyHz.Length != experts || (completionCap is not null && completionCap.Length != experts))
        {
            throw new ArgumentException($"expected {slot.TokenCount} token routes and {experts} frequencies and caps, got {routing.Length}, {frequencyHz.Length} and {completionCap?.Length}");
        }

        var routed = new long[experts];
        var gating = 0.0;
        for (var i = 0; i < routing.Length; i++)
        {
            Array.Sort(routing[i]);
            foreach (var j in routing[i])
            {
                routed[j]++;
                gating += slot.Scores[i, j];
            }
        }

        var completed = new long[experts];
        var energy = new double[experts];
        var objective = slot.TradeOff * slot.GatingWeight * gating;
        for (var j = 0; j < experts; j++)
        {
            var e = slot.Experts[j];
            var capacity = StableMoeCompute.Capacity(slot.SlotSeconds, frequencyHz[j], slot.CyclesPerToken);
            completed[j] = Math.Min(StableMoeCompute.Completed(e.TokenBacklog, routed[j], capacity), completionCap?[j] ?? long.MaxValue);
            energy[j] = StableMoeCompute.Energy(e.SwitchedCapacitance, completed[j], slot.CyclesPerToken, frequencyHz[j]);
            objective += ExpertTerm(slot.TradeOff, e, routed[j], completed[j], energy[j]);
        }

        return new RoutingDecision(routing, frequencyHz, routed, completed, energy, objective, completionCap);
    }

    /// <summary>Expert j's share of the P1 objective: V·ln(1+d_com) − Q·(d_rou − d_com) − Z·(E − E_avg).</summary>
    public static double ExpertTerm(double tradeOff, ExpertState expert, long routed, long completed, double energyJoules)
    {
        ArgumentNullException.ThrowIfNull(expert);
        return (tradeOff * Math.Log(1 + completed))
            - (expert.TokenBacklog * (double)(routed - completed))
            - (expert.EnergyBacklog * (energyJoules - expert.AverageEnergyJoules));
    }
}
