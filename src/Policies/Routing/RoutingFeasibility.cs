namespace EdgeMoE.Policies.Routing;

/// <summary>
/// Checks a decision against the constraints of P1: every token routed to exactly min(K, available) distinct
/// available experts (C1), 0 ≤ f_j ≤ f_max_j (C2; f_j = 0 on unavailable experts), E_j ≤ E_max_j (C4), and
/// that the reported loads, completions, energies and objective are those of the shared evaluator.
/// </summary>
public static class RoutingFeasibility
{
    /// <summary>Relative tolerance on the reported objective against a fresh evaluation.</summary>
    public const double ObjectiveTolerance = 1e-9;

    /// <summary>The violated constraints, one sentence each; empty when the decision is feasible.</summary>
    public static IReadOnlyList<string> Violations(SlotInstance slot, RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(decision);
        var problems = new List<string>();
        var experts = slot.ExpertCount;
        if (decision.Routing.Count != slot.TokenCount || decision.FrequencyHz.Length != experts)
        {
            problems.Add($"expected {slot.TokenCount} token routes and {experts} frequencies, got {decision.Routing.Count} and {decision.FrequencyHz.Length}");
            return problems;
        }

        var want = slot.ExpertsPerTokenServed;
        var seen = new bool[experts];
        for (var i = 0; i < decision.Routing.Count; i++)
        {
            var route = decision.Routing[i];
            if (route.Length != want)
            {
                problems.Add($"token {i} is routed to {route.Length} experts, expected {want}");
            }

            Array.Clear(seen);
            foreach (var j in route)
            {
                if (j < 0 || j >= experts)
                {
                    problems.Add($"token {i} is routed to expert {j}, which does not exist");
                }
                else if (!slot.Experts[j].Available)
                {
                    problems.Add($"token {i} is routed to unavailable expert {j}");
                }
                else if (seen[j])
                {
                    problems.Add($"token {i} is routed twice to expert {j}");
                }
                else
                {
                    seen[j] = true;
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        for (var j = 0; j < experts; j++)
        {
            var e = slot.Experts[j];
            var f = decision.FrequencyHz[j];
            if (!(f >= 0 && f <= e.MaxFrequencyHz))
            {
                problems.Add($"expert {j} runs at {f} Hz, outside [0, {e.MaxFrequencyHz}]");
            }

            if (!e.Available && f != 0)
            {
                problems.Add($"unavailable expert {j} runs at {f} Hz");
            }
        }

        var fresh = SlotObjective.Decide(slot, decision.Routing.Select(r => (int[])r.Clone()).ToArray(), decision.FrequencyHz, decision.CompletionCap);
        for (var j = 0; j < experts; j++)
        {
            if (fresh.EnergyJoules[j] > slot.Experts[j].MaxEnergyJoules)
            {
                problems.Add($"expert {j} spends {fresh.EnergyJoules[j]} J, above E_max = {slot.Experts[j].MaxEnergyJoules} J");
            }

            if (fresh.Routed[j] != decision.Routed[j] || fresh.Completed[j] != decision.Completed[j] || fresh.EnergyJoules[j] != decision.EnergyJoules[j])
            {
                problems.Add($"expert {j}: reported routed/completed/energy differ from the evaluation");
            }
        }

        var scale = Math.Max(1, Math.Abs(fresh.Objective));
        if (Math.Abs(fresh.Objective - decision.Objective) > ObjectiveTolerance * scale)
        {
            problems.Add($"reported objective {decision.Objective} differs from the evaluation {fresh.Objective}");
        }

        return problems;
    }
}
