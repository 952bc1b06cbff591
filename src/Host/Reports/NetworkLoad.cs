using EdgeMoE.Models.Compute;

namespace EdgeMoE.Host.Reports;

/// <summary>
/// How heavily the arrivals load the servers: the expert computations demanded per slot (K·λ) against what the servers
/// can complete per slot while spending no more than their budget min(E_max_j, E_avg_j). No policy with stable energy
/// queues completes more than this capacity on average, and none processes more tokens than arrive; so the utilisation
/// bounds how far any policy can pull ahead of a load-balancing baseline.
/// </summary>
/// <param name="DemandPerSlot">K·λ: expert computations the arrivals ask for per slot (token-experts/slot).</param>
/// <param name="BudgetedCapacities">Per server, the most tokens it completes in one slot within its budget (tokens/slot).</param>
public sealed record NetworkLoad(double DemandPerSlot, IReadOnlyList<long> BudgetedCapacities)
{
    /// <summary>Σ_j of <see cref="BudgetedCapacities"/> (token-experts/slot).</summary>
    public long BudgetedCapacityPerSlot => BudgetedCapacities.Sum();

    /// <summary>The load of <paramref name="cells"/> copies of this network side by side (servers listed cell after cell).</summary>
    public NetworkLoad Times(int cells) => cells == 1 ? this : new(DemandPerSlot * cells, [.. Enumerable.Repeat(BudgetedCapacities, cells).SelectMany(c => c)]);

    /// <summary>Demand over budgeted capacity; at or above 1 no policy can keep both queues stable.</summary>
    public double Utilisation => BudgetedCapacityPerSlot == 0 ? double.PositiveInfinity : DemandPerSlot / BudgetedCapacityPerSlot;

    /// <summary>The load of <paramref name="servers"/> under λ = <paramref name="arrivalRate"/> tokens/slot, each routed to K experts.</summary>
    public static NetworkLoad Of(double arrivalRate, int expertsPerToken, IReadOnlyList<ServerProfile> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        return new NetworkLoad(
            arrivalRate * Math.Min(expertsPerToken, servers.Count),
            [.. servers.Select(s => StableMoeCompute.MaxTokensWithin(
                s.MaxFrequencyHz, Math.Min(s.EnergyCapJoules, s.AverageEnergyBudgetJoules), s.SwitchedCapacitance, s.SlotSeconds, s.CyclesPerToken))]);
    }
}
