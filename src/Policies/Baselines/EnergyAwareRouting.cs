using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Baselines;

/// <summary>
/// Strategy D: the smallest energy backlog Z_j (<c>energy-aware</c>, one snapshot per slot), or, greedy, the smallest
/// Z_j + the energy of computing the tokens already routed to j this slot at the minimum frequency that completes
/// them, ξ·c³·r³/τ² (<c>energy-aware-greedy</c>).
/// </summary>
/// <param name="greedy">True for the greedy variant.</param>
/// <param name="frequency">How the baseline sets CPU frequencies (default: today's budgeted rule).</param>
public sealed class EnergyAwareRouting(bool greedy, BaselineFrequencyMode frequency = BaselineFrequencyMode.Budgeted) : BacklogAwareRouting(greedy, frequency)
{
    /// <inheritdoc/>
    public override string Name => Greedy ? "energy-aware-greedy" : "energy-aware";

    /// <inheritdoc/>
    protected override double Key(SlotInstance slot, int expert, long routedThisSlot)
    {
        var e = slot.Experts[expert];
        return e.EnergyBacklog + StableMoeCompute.EnergyAtMinimumFrequency(
            routedThisSlot, e.SwitchedCapacitance, slot.SlotSeconds, slot.CyclesPerToken);
    }
}
