using EdgeMoE.Policies.Assignment;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Lyapunov;

/// <summary>
/// Stable-MoE (paper Algorithm 1, line 6): the exact maximiser of the per-slot drift-plus-penalty problem P1.
/// Given the tokens each expert receives, its best frequency is the smallest that completes
/// min(Q + r, d̂) tokens (<see cref="ExpertSlotValue"/>); the routing is then a b-matching with concave expert
/// utilities and pair gains V·μ·g_ij, solved exactly by our <see cref="ConcaveBMatching"/> or as a min-cost flow by OR-Tools
/// (<see cref="ConcaveFlowMatching"/>), which the tests use as the oracle.
/// </summary>
/// <remarks>
/// Ours is the default because it is faster at every size measured (`bench policies` on this 2-core machine, idle, both
/// solvers interleaved on the same slots with the same optimum, medians of three runs): at the paper's size (J = 10,
/// 390 tokens, K = 3) 0.87 ms against OR-Tools' 1.70 ms, and at J = 64, 4,096 tokens, K = 2, 64 ms against 119 ms.
/// The two give byte-identical Stable-MoE runs (200 slots of hocon/stable-moe.conf).
/// </remarks>
/// <param name="solver">The exact solver of the b-matching.</param>
public sealed class StableMoePolicy(P1Solver solver = P1Solver.ExchangeSearch) : IRoutingPolicy
{
    /// <inheritdoc/>
    public string Name => "stable-moe";

    /// <summary>The exact solver of the b-matching.</summary>
    public P1Solver Solver => solver;

    /// <inheritdoc/>
    public RoutingDecision Decide(SlotInstance slot, Random random) => Solve(slot, solver).Decision;

    /// <summary>The decision and how far below the optimum its objective can be from OR-Tools' integer costs.</summary>
    internal static (RoutingDecision Decision, double RoundingBound) Solve(SlotInstance slot, P1Solver solver = P1Solver.ExchangeSearch)
    {
        ArgumentNullException.ThrowIfNull(slot);
        slot.Validate();
        var experts = slot.ExpertCount;
        var available = slot.AvailableExperts();

        var values = available.Select(j => new ExpertSlotValue(slot, slot.Experts[j])).ToArray();
        var tokens = slot.TokenCount;
        var pairGain = slot.TradeOff * slot.GatingWeight;
        var gains = new double[tokens * available.Length];
        for (var i = 0; i < tokens; i++)
        {
            var row = slot.Scores.Row(i);
            for (var a = 0; a < available.Length; a++)
            {
                gains[(i * available.Length) + a] = pairGain * row[available[a]];
            }
        }

        var marginals = new double[available.Length][];
        for (var a = 0; a < available.Length; a++)
        {
            marginals[a] = Marginals(values[a], slot.Experts[available[a]], tokens);
        }

        var matching = solver == P1Solver.MinCostFlow
            ? ConcaveFlowMatching.Solve(tokens, available.Length, slot.ExpertsPerTokenServed, gains, marginals)
            : FromExchangeSearch(ConcaveBMatching.Solve(
                tokens, available.Length, slot.ExpertsPerTokenServed, gains, (a, load) => marginals[a][Math.Min(load, marginals[a].Length - 1)]));

        var routing = new int[tokens][];
        for (var i = 0; i < tokens; i++)
        {
            routing[i] = Array.ConvertAll(matching.Assignment[i], a => available[a]);
        }

        var frequency = new double[experts];
        for (var a = 0; a < available.Length; a++)
        {
            var j = available[a];
            frequency[j] = CompletionFrequency.ToComplete(values[a].CompletionsFor(matching.Loads[a]), slot, slot.Experts[j]);
        }

        return (SlotObjective.Decide(slot, routing, frequency), matching.RoundingBound);
    }

    private static ConcaveFlowMatchingResult FromExchangeSearch(ConcaveBMatchingResult result) => new(result.Assignment, result.Loads, 0);

    /// <summary>
    /// Δh(0), …, Δh(r*) where r* = min(d̂ − Q, n) clipped at 0: from r* on the marginal is the constant −Q
    /// (<see cref="ExpertSlotValue.Marginal"/>), so the last entry stands for every larger load.
    /// </summary>
    internal static double[] Marginals(ExpertSlotValue value, ExpertState expert, int tokens)
    {
        var linearFrom = Math.Clamp(value.BestCompletions - expert.TokenBacklog, 0, tokens);
        var marginals = new double[linearFrom + 1];
        for (var r = 0; r <= linearFrom; r++)
        {
            marginals[r] = value.Marginal(r);
        }

        return marginals;
    }
}
