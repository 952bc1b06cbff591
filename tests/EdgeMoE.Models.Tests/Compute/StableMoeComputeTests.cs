using EdgeMoE.Models.Compute;

namespace EdgeMoE.Models.Tests.Compute;

public sealed class StableMoeComputeTests
{
    private const double C = 1e7;   // cycles per token
    private const double Tau = 1.0; // seconds
    private const double Xi = 2e-27;

    [Fact]
    public void Capacity_is_the_floor_of_slot_times_frequency_over_cycles()
    {
        Assert.Equal(300, StableMoeCompute.Capacity(Tau, 3e9, C));
        Assert.Equal(12, StableMoeCompute.Capacity(Tau, 1.25e8, C));
        Assert.Equal(0, StableMoeCompute.Capacity(Tau, 0, C));
    }

    [Fact]
    public void Minimum_frequency_gives_back_exactly_the_token_count()
    {
        for (long n = 0; n <= 5000; n++)
        {
            var f = StableMoeCompute.MinimumFrequency(n, 0.7, 1.3e7);
            Assert.Equal(n, StableMoeCompute.Capacity(0.7, f, 1.3e7));
        }
    }

    [Fact]
    public void Completed_tokens_follow_eq1()
    {
        Assert.Equal(15, StableMoeCompute.Completed(queued: 5, routed: 10, capacity: 300));
        Assert.Equal(300, StableMoeCompute.Completed(queued: 250, routed: 100, capacity: 300));
    }

    [Fact]
    public void Energy_follows_eq3_by_hand()
    {
        // 100 tokens at 1 GHz: ξ·d·(c/f)·f³ = 2e-27 · 100 · 0.01 · 1e27 = 2 J.
        Assert.Equal(2.0, StableMoeCompute.Energy(Xi, 100, C, 1e9), 12);
        // 300 tokens at 3 GHz: 2e-27 · 300 · (1e7/3e9) · 2.7e28 = 54 J.
        Assert.Equal(54.0, StableMoeCompute.Energy(Xi, 300, C, 3e9), 10);
        Assert.Equal(0.0, StableMoeCompute.Energy(Xi, 0, C, 3e9));
    }

    [Fact]
    public void Queues_follow_eq2_and_eq4_with_their_floor_at_zero()
    {
        Assert.Equal(7, StableMoeCompute.NextTokenQueue(queued: 5, routed: 12, completed: 10));
        Assert.Equal(0, StableMoeCompute.NextTokenQueue(queued: 0, routed: 3, completed: 3));
        Assert.Equal(4.5, StableMoeCompute.NextEnergyQueue(3.5, energy: 6, averageBudget: 5), 12);
        Assert.Equal(0.0, StableMoeCompute.NextEnergyQueue(1, energy: 2, averageBudget: 5));
    }

    [Fact]
    public void Max_tokens_within_respects_the_energy_and_frequency_caps()
    {
        // Energy at minimum frequency: E(n) = ξ·c³·n³/τ² = 2e-6·n³ J; E ≤ 2 J ⇒ n ≤ 100.
        Assert.Equal(100, StableMoeCompute.MaxTokensWithin(3e9, 2.0, Xi, Tau, C));
        Assert.Equal(99, StableMoeCompute.MaxTokensWithin(3e9, 1.99, Xi, Tau, C));
        // Frequency binds: 1 GHz ⇒ 100 tokens even with a huge energy cap.
        Assert.Equal(100, StableMoeCompute.MaxTokensWithin(1e9, 1e6, Xi, Tau, C));
        Assert.Equal(0, StableMoeCompute.MaxTokensWithin(3e9, 0, Xi, Tau, C));
    }
}
