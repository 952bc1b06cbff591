using BenchmarkDotNet.Attributes;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Benchmarks.Policies;

/// <summary>
/// One Stable-MoE slot decision per policy at the paper's size (J = 10, 390 tokens, K = 3) and a large size
/// (J = 64, 4,096 tokens, K = 2), on a seeded synthetic slot. Target: stable-moe ≤ 2 ms at the paper's size.
/// </summary>
[MemoryDiagnoser]
public class StableMoeSlotBenchmarks
{
    private SlotInstance _slot = null!;
    private IRoutingPolicy _policy = null!;

    [Params("10x390xK3", "64x4096xK2")]
    public string Size { get; set; } = "10x390xK3";

    [Params("stable-moe", "top-k", "queue-aware-greedy")]
    public string Policy { get; set; } = "stable-moe";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        _slot = SyntheticSlots.PaperScale(new Random(1000), int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2][1..]));
        _policy = RoutingPolicyCatalog.Find(Policy)!;
    }

    [Benchmark]
    public double Decide() => _policy.Decide(_slot, new Random(1)).Objective;
}
