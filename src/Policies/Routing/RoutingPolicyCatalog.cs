using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Lyapunov;

namespace EdgeMoE.Policies.Routing;

/// <summary>Every Stable-MoE routing policy, by command-line name: stable-moe and the baselines A–D (with greedy C and D).</summary>
public static class RoutingPolicyCatalog
{
    /// <summary>The policies in the order the paper lists them (Stable-MoE first), baselines with budgeted frequencies.</summary>
    public static IReadOnlyList<IRoutingPolicy> All { get; } = With(BaselineFrequencyMode.Budgeted);

    /// <summary>Every policy, the baselines setting frequencies by <paramref name="baselineFrequency"/> (Stable-MoE is unaffected).</summary>
    public static IReadOnlyList<IRoutingPolicy> With(BaselineFrequencyMode baselineFrequency) =>
    [
        new StableMoePolicy(),
        new RandomRouting(baselineFrequency),
        new TopKRouting(baselineFrequency),
        new QueueAwareRouting(greedy: false, baselineFrequency),
        new QueueAwareRouting(greedy: true, baselineFrequency),
        new EnergyAwareRouting(greedy: false, baselineFrequency),
        new EnergyAwareRouting(greedy: true, baselineFrequency),
    ];

    /// <summary>The policy called <paramref name="name"/> with budgeted baseline frequencies, or null.</summary>
    public static IRoutingPolicy? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The policy called <paramref name="name"/>, baselines setting frequencies by <paramref name="baselineFrequency"/>, or null.</summary>
    public static IRoutingPolicy? Find(string name, BaselineFrequencyMode baselineFrequency) =>
        With(baselineFrequency).FirstOrDefault(p => p.Name == name);
}
