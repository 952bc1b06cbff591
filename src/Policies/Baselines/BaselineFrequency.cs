using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Lyapunov;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// The CPU frequencies of baselines A–D for a routing, by <see cref="BaselineFrequencyMode"/>, then the evaluated
/// decision. Unavailable experts run at 0 Hz in every mode; the servers step Q_j and Z_j by eqs. 1–4 whatever the mode.
/// </summary>
public static class BaselineFrequency
{
    /// <summary>Frequencies (Hz), and for <see cref="BaselineFrequencyMode.FixedMax"/> completion caps, for the routing.</summary>
    public static RoutingDecision Decide(BaselineFrequencyMode mode, SlotInstance slot, int[][] routing)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(routing);
        if (mode == BaselineFrequencyMode.Budgeted)
        {
            return BudgetedFrequency.Decide(slot, routing);
        }

        var routed = Routed(slot, routing);
        var frequency = new double[slot.ExpertCount];
        long[]? cap = mode == BaselineFrequencyMode.FixedMax ? new long[slot.ExpertCount] : null;
        for (var j = 0; j < slot.ExpertCount; j++)
        {
            var expert = slot.Experts[j];
            if (!expert.Available)
            {
                continue;
            }

            switch (mode)
            {
                case BaselineFrequencyMode.P1:
                    frequency[j] = CompletionFrequency.ToComplete(new ExpertSlotValue(slot, expert).CompletionsFor(routed[j]), slot, expert);
                    break;
                case BaselineFrequencyMode.MaxFeasible:
                    frequency[j] = MaxFeasible(slot, expert, routed[j]);
                    break;
                default:
                    // Fixed-max: d_com = min(Q + d_rou, ⌊τ·f_max/c⌋, ⌊E_max/(ξ·c·f_max²)⌋); the server applies the cap (eq. 1).
                    frequency[j] = expert.MaxFrequencyHz;
                    cap![j] = StableMoeCompute.TokensWithinEnergyAt(
                        expert.MaxFrequencyHz, expert.MaxEnergyJoules, expert.SwitchedCapacitance, slot.CyclesPerToken);
                    break;
            }
        }

        return SlotObjective.Decide(slot, routing, frequency, cap);
    }

    /// <summary>
    /// The frequency the server's own step runs at when asked for f_max: f_max if the slot's work at f_max fits in
    /// E_max, else the largest frequency that keeps E = ξ·c·d_com·f² within E_max (see <see cref="ServerQueues.Step"/>).
    /// </summary>
    private static double MaxFeasible(SlotInstance slot, ExpertState expert, long routed)
    {
        var profile = new ServerProfile(
            slot.CyclesPerToken, expert.SwitchedCapacitance, slot.SlotSeconds, expert.MaxFrequencyHz, expert.MaxEnergyJoules, expert.AverageEnergyJoules);
        var queues = new ServerQueues(profile, expert.TokenBacklog, expert.EnergyBacklog);
        return expert.TokenBacklog + routed == 0 ? 0 : queues.Step(routed, expert.MaxFrequencyHz).FrequencyHz;
    }

    private static long[] Routed(SlotInstance slot, int[][] routing)
    {
        var routed = new long[slot.ExpertCount];
        foreach (var route in routing)
        {
            foreach (var j in route)
            {
                routed[j]++;
            }
        }

        return routed;
    }
}
