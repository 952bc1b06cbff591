using EdgeMoE.Models.Compute;
using EdgeMoE.Policies.Baselines;
using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Tests.Baselines;

/// <summary>
/// One expert at the paper's physics (τ = 1 s, c = 1e7, ξ = 2e-27, f_max = 3 GHz), so E(d) at the minimum frequency
/// is ξ·c³·d³/τ² = 2e-6·d³ J and a token at f_max costs ξ·c·f_max² = 0.18 J. Q = 100 queued, 50 routed (W = 150),
/// Z = 1000 J, E_max = 9.1 J, E_avg = 5 J, V = 50.
/// </summary>
public sealed class BaselineFrequencyTests
{
    private static readonly ExpertState Expert = new(100, 1000, 3e9, 2e-27, 9.1, 5);

    private static SlotInstance Slot(ExpertState expert, int tokens) =>
        new(50, 1, 1, 1, 1e7, [expert], new GatingScores(tokens, 1, new double[tokens]));

    private static RoutingDecision Decide(BaselineFrequencyMode mode, ExpertState expert, int tokens = 50) =>
        new QueueAwareRouting(greedy: false, mode).Decide(Slot(expert, tokens), new Random(1));

    [Fact]
    public void Budgeted_completes_the_most_tokens_within_min_E_max_E_avg_at_the_minimum_frequency()
    {
        // 2e-6·d³ ≤ 5 J → d ≤ ∛2.5e6 = 135.7: 135 tokens at 135·c/τ = 1.35 GHz, 2e-6·135³ = 4.92075 J.
        var d = Decide(BaselineFrequencyMode.Budgeted, Expert);
        Assert.Equal(135, d.Completed[0]);
        Assert.Equal(1.35e9, d.FrequencyHz[0], 1e-3);
        Assert.Equal(4.92075, d.EnergyJoules[0], 1e-9);
        Assert.Null(d.CompletionCap);
    }

    [Fact]
    public void P1_completes_the_smallest_maximiser_of_the_experts_P1_share()
    {
        // φ(d) − φ(d−1) = 50·ln(1 + 1/d) + Q − Z·2e-6·(3d² − 3d + 1): at d = 129 it is 100.386 − 99.074 > 0, at
        // d = 130 100.383 − 100.622 < 0, so d̂ = 129 (below D = ⌊∛(9.1/2e-6)⌋ = 165) at 1.29 GHz.
        var d = Decide(BaselineFrequencyMode.P1, Expert);
        Assert.Equal(129, d.Completed[0]);
        Assert.Equal(1.29e9, d.FrequencyHz[0], 1e-3);

        // With Z = 0 every increment is positive: the whole W = 150 ≤ D at 1.5 GHz.
        var free = Decide(BaselineFrequencyMode.P1, Expert with { EnergyBacklog = 0 });
        Assert.Equal(150, free.Completed[0]);
        Assert.Equal(1.5e9, free.FrequencyHz[0], 1e-3);
    }

    [Fact]
    public void Max_feasible_runs_the_slots_work_at_the_highest_frequency_E_max_allows()
    {
        // All W = 150 tokens fit (D = 165), so f = √(E_max/(ξ·c·W)) = √(9.1/3e-18) = 1.7416 GHz and E = E_max.
        var d = Decide(BaselineFrequencyMode.MaxFeasible, Expert);
        Assert.Equal(150, d.Completed[0]);
        Assert.Equal(Math.Sqrt(9.1 / 3e-18), d.FrequencyHz[0], 1e-3);
        Assert.InRange(d.EnergyJoules[0], 9.1 - 1e-9, 9.1);

        // W = 400 > D = 165: 165 tokens, the frequency just below the 166th token's 1.66 GHz.
        var busy = Decide(BaselineFrequencyMode.MaxFeasible, Expert, tokens: 300);
        Assert.Equal(165, busy.Completed[0]);
        Assert.InRange(busy.FrequencyHz[0], 1.65e9, 1.66e9);
        Assert.True(busy.EnergyJoules[0] <= 9.1);

        // An idle server stays at 0 Hz.
        Assert.Equal(0, Decide(BaselineFrequencyMode.MaxFeasible, Expert with { TokenBacklog = 0 }, tokens: 0).FrequencyHz[0]);
    }

    [Fact]
    public void Fixed_max_runs_at_f_max_and_stops_once_the_slot_energy_reaches_E_max()
    {
        // d_com = min(W, ⌊τ·f_max/c⌋, ⌊E_max/(ξ·c·f_max²)⌋) = min(150, 300, ⌊9.1/0.18⌋ = 50) = 50; E = 50·0.18 = 9 J.
        var d = Decide(BaselineFrequencyMode.FixedMax, Expert);
        Assert.Equal(3e9, d.FrequencyHz[0]);
        Assert.Equal([50L], d.CompletionCap!);
        Assert.Equal(50, d.Completed[0]);
        Assert.Equal(9.0, d.EnergyJoules[0], 1e-9);

        // A light load finishes at f_max: 20 tokens, 3.6 J.
        var light = Decide(BaselineFrequencyMode.FixedMax, Expert with { TokenBacklog = 0 }, tokens: 20);
        Assert.Equal(20, light.Completed[0]);
        Assert.Equal(3.6, light.EnergyJoules[0], 1e-9);
    }

    [Theory]
    [InlineData(BaselineFrequencyMode.Budgeted)]
    [InlineData(BaselineFrequencyMode.P1)]
    [InlineData(BaselineFrequencyMode.MaxFeasible)]
    [InlineData(BaselineFrequencyMode.FixedMax)]
    public void The_servers_step_of_eqs_1_to_4_gives_exactly_the_decisions_completions_and_energy(BaselineFrequencyMode mode)
    {
        var d = Decide(mode, Expert);
        var queues = new ServerQueues(new ServerProfile(1e7, 2e-27, 1, 3e9, 9.1, 5), 100, 1000);
        var step = queues.Step(50, d.FrequencyHz[0], d.CompletionCap?[0] ?? long.MaxValue);
        Assert.Equal(FrequencyClamp.None, step.Clamp);
        Assert.Equal(d.Completed[0], step.Completed);
        Assert.Equal(d.EnergyJoules[0], step.EnergyJoules);

        // Eqs. 2 and 4: Q' = Q + d_rou − d_com, Z' = Z + E − E_avg (Z stays far above 0 here).
        Assert.Equal(150 - d.Completed[0], step.Next.Tokens);
        Assert.Equal(1000 + d.EnergyJoules[0] - 5, step.Next.EnergyBacklog, 1e-9);
    }

    [Fact]
    public void Fixed_max_never_exceeds_E_max_and_completes_what_f_max_and_E_max_allow()
    {
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var fMax = 3e9 * random.NextDouble();
            var expert = new ExpertState(random.Next(0, 400), 20 * random.NextDouble(), fMax, 2e-27, 15 * random.NextDouble(), 9.5 * random.NextDouble());
            var tokens = random.Next(0, 200);
            var d = Decide(BaselineFrequencyMode.FixedMax, expert, tokens);
            Assert.True(d.EnergyJoules[0] <= expert.MaxEnergyJoules, $"instance {n}: {d.EnergyJoules[0]} J > E_max {expert.MaxEnergyJoules} J");
            Assert.Equal(fMax, d.FrequencyHz[0]);

            var perToken = 2e-27 * 1e7 * fMax * fMax;
            var byEnergy = (long)Math.Floor(expert.MaxEnergyJoules / perToken);
            var expected = Math.Min(expert.TokenBacklog + tokens, Math.Min(StableMoeCompute.Capacity(1, fMax, 1e7), byEnergy));
            Assert.InRange(d.Completed[0], expected - 1, expected); // −1: the floor may sit on a rounding edge

            var step = new ServerQueues(new ServerProfile(1e7, 2e-27, 1, fMax, expert.MaxEnergyJoules, expert.AverageEnergyJoules), expert.TokenBacklog, expert.EnergyBacklog)
                .Step(tokens, d.FrequencyHz[0], d.CompletionCap![0]);
            Assert.Equal((d.Completed[0], d.EnergyJoules[0], FrequencyClamp.None), (step.Completed, step.EnergyJoules, step.Clamp));
        }
    }

    [Fact]
    public void Every_mode_runs_an_unavailable_expert_at_0_Hz()
    {
        foreach (var mode in Enum.GetValues<BaselineFrequencyMode>())
        {
            var slot = new SlotInstance(50, 1, 1, 1, 1e7, [Expert, Expert with { Available = false }], new GatingScores(3, 2, new double[6]));
            var d = new RandomRouting(mode).Decide(slot, new Random(3));
            Assert.Equal(0, d.FrequencyHz[1]);
            Assert.Equal(0, d.Completed[1]);
        }
    }

    [Fact]
    public void Mode_names_round_trip()
    {
        foreach (var mode in Enum.GetValues<BaselineFrequencyMode>())
        {
            Assert.Equal(mode, BaselineFrequencyModes.Parse(mode.Name()));
        }

        Assert.Equal(["budgeted", "p1", "max-feasible", "fixed-max"], BaselineFrequencyModes.Names);
        Assert.Null(BaselineFrequencyModes.Parse("turbo"));
    }
}
