using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Lyapunov;

/// <summary>
/// Expert j's best share of the P1 objective as a function of the tokens r it receives this slot:
/// h(r) = max over completions d ∈ [0, min(Q + r, D)] of φ(d) − Q·r, with φ(d) = V·ln(1+d) + Q·d − Z·E(d),
/// E(d) = ξ·c³·d³/τ² (the energy at the smallest frequency completing d, d·c/τ) and D the most tokens within
/// f_max and E_max (constant Z·E_avg dropped).
/// </summary>
/// <remarks>
/// Why h is concave nondecreasing-then-linear: φ is concave on d ≥ 0 (log concave, linear, −cubic concave), so
/// its increments fall; let d̂ be its smallest maximiser on [0, D]. Growing r only lengthens the prefix [0, Q+r]
/// over which φ is maximised, so max φ = φ(min(Q+r, d̂)): its increments are φ's (non-negative, falling) until
/// Q+r reaches d̂, then 0. Subtracting the linear Q·r shifts every increment by −Q, which keeps them falling:
/// Δh(r) = V·Δln − Z·ΔE while Q+r+1 ≤ d̂, else −Q. So h is concave and the slot is a concave-cost flow.
/// </remarks>
public sealed class ExpertSlotValue
{
    private readonly double _tradeOff;
    private readonly ExpertState _expert;
    private readonly double _slotSeconds;
    private readonly double _cyclesPerToken;

    /// <param name="slot">The slot (V, τ, c).</param>
    /// <param name="expert">The expert's state; must be available.</param>
    public ExpertSlotValue(SlotInstance slot, ExpertState expert)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(expert);
        _tradeOff = slot.TradeOff;
        _expert = expert;
        _slotSeconds = slot.SlotSeconds;
        _cyclesPerToken = slot.CyclesPerToken;
        MaxCompletions = CompletionFrequency.MaxTokens(slot, expert, expert.MaxEnergyJoules);
        BestCompletions = LastPositiveIncrement(MaxCompletions);
    }

    /// <summary>D: the most tokens completable within f_max and E_max.</summary>
    public long MaxCompletions { get; }

    /// <summary>d̂: the smallest maximiser of φ on [0, D], the completions the expert never goes beyond.</summary>
    public long BestCompletions { get; }

    /// <summary>The best completion count given <paramref name="routed"/> new tokens: min(Q + r, d̂).</summary>
    public long CompletionsFor(long routed) => Math.Min(_expert.TokenBacklog + routed, BestCompletions);

    /// <summary>Δh(r) = h(r+1) − h(r): the gain of routing one more token to the expert when it already has r.</summary>
    public double Marginal(long routed)
    {
        var d = _expert.TokenBacklog + routed + 1;
        return d <= BestCompletions ? Increment(d) - _expert.TokenBacklog : -_expert.TokenBacklog;
    }

    // φ(d) − φ(d−1), computed from the same terms the shared evaluator adds up.
    private double Increment(long d) =>
        (_tradeOff * (Math.Log(1 + d) - Math.Log(d)))
        + _expert.TokenBacklog
        - (_expert.EnergyBacklog * (Energy(d) - Energy(d - 1)));

    private double Energy(long d) =>
        StableMoeCompute.EnergyAtMinimumFrequency(d, _expert.SwitchedCapacitance, _slotSeconds, _cyclesPerToken);

    // Increments of a concave φ fall, so "increment > 0" holds on a prefix of [1, D]: binary search its end.
    private long LastPositiveIncrement(long max)
    {
        long lo = 0, hi = max;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (Increment(mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }
}
