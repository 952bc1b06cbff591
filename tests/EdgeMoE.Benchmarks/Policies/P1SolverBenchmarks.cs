using BenchmarkDotNet.Attributes;
using EdgeMoE.Policies.Lyapunov;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Benchmarks.Policies;

/// <summary>
/// Stable-MoE's two exact P1 solvers on the same seeded slot, at the paper's size (J = 10, 390 tokens, K = 3) and a
/// large size (J = 64, 4,096 tokens, K = 2): the numbers behind <see cref="StableMoePolicy"/>'s default solver.
/// </summary>
[MemoryDiagnoser]
public class P1SolverBenchmarks
{
    private SlotInstance _slot = null!;
    private StableMoePolicy _policy = null!;

    [Params("10x390xK3", "64x4096xK2")]
    public string Size { get; set; } = "10x390xK3";

    [Params(P1Solver.MinCostFlow, P1Solver.ExchangeSearch)]
    public P1Solver Solver { get; set; } = P1Solver.MinCostFlow;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        _slot = SyntheticSlots.PaperScale(new Random(1000), int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2][1..]));
        _policy = new StableMoePolicy(Solver);
    }

    [Benchmark]
    public double Decide() => _policy.Decide(_slot, new Random(1)).Objective;
}
