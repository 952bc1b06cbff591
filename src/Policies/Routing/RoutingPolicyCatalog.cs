using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Lyapunov;

namespace EdgeMoE.Policies.Routing;

/// <summary>Every Stable-MoE routing policy, by command-line name: stable-moe and the baselines A–D (with greedy C and D).</summary>
public static class RoutingPolicyCatalog
{
    /// <summary>The policies in the order the paper lists them (Stable-MoE first).</summary>
    public static IReadOnlyList<IRoutingPolicy> All { get; } =
    [
        new StableMoePolicy(),
        new RandomRouting(),
        new TopKRouting(),
        new QueueAwareRouting(greedy: false),
        new QueueAwareRouting(greedy: true),
        new EnergyAwareRouting(greedy: false),
        new EnergyAwareRouting(greedy: true),
    ];

    /// <summary>The policy called <paramref name="name"/>, or null.</summary>
    public static IRoutingPolicy? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
