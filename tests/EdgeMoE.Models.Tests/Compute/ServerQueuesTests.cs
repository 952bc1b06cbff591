using EdgeMoE.Models.Compute;

namespace EdgeMoE.Models.Tests.Compute;

public sealed class ServerQueuesTests
{
    // c = 1e7 cycles/token, ξ = 2e-27, τ = 1 s: E = ξ·c·d·f² = 2e-20·d·f² J; f_max = 3 GHz, E_max = 10 J, E_avg = 5 J.
    private static readonly ServerProfile Profile = new(
        CyclesPerToken: 1e7, SwitchedCapacitance: 2e-27, SlotSeconds: 1, MaxFrequencyHz: 3e9, EnergyCapJoules: 10, AverageEnergyBudgetJoules: 5);

    [Fact]
    public void A_slot_within_both_caps_follows_eqs_1_to_4_by_hand()
    {
        var queues = new ServerQueues(Profile, Tokens: 5, EnergyBacklog: 1);

        var slot = queues.Step(routed: 10, requestedFrequencyHz: 1e9);

        // Capacity 100 ≥ 15 queued + routed: all done; E = 2e-20·15·1e18 = 0.3 J; Z = max(1 + 0.3 − 5, 0).
        Assert.Equal(15, slot.Completed);
        Assert.Equal(1e9, slot.FrequencyHz);
        Assert.Equal(0.3, slot.EnergyJoules, 12);
        Assert.Equal(0.15, slot.BusySeconds, 12);
        Assert.Equal(FrequencyClamp.None, slot.Clamp);
        Assert.Equal(new ServerQueues(Profile, 0, 0), slot.Next);
    }

    [Fact]
    public void A_completion_cap_stops_the_server_at_f_max_before_the_energy_cap_would_lower_its_frequency()
    {
        var queues = new ServerQueues(Profile, Tokens: 100, EnergyBacklog: 2);

        // At 3 GHz a token costs 2e-20·9e18 = 0.18 J: cap ⌊10/0.18⌋ = 55 tokens, 9.9 J; Q = 100 + 20 − 55, Z = 2 + 9.9 − 5.
        Assert.Equal(55, StableMoeCompute.TokensWithinEnergyAt(3e9, 10, 2e-27, 1e7));
        var slot = queues.Step(routed: 20, requestedFrequencyHz: 3e9, completionCap: 55);
        Assert.Equal((55L, 3e9, FrequencyClamp.None), (slot.Completed, slot.FrequencyHz, slot.Clamp));
        Assert.Equal(9.9, slot.EnergyJoules, 12);
        Assert.Equal(65, slot.Next.Tokens);
        Assert.Equal(6.9, slot.Next.EnergyBacklog, 12);

        // Without the cap the same request is lowered to fit E_max and completes all 120 (eq. 3 allows ⌊∛(10/2e-6)⌋ = 170).
        Assert.Equal(FrequencyClamp.EnergyCap, queues.Step(20, 3e9).Clamp);
        Assert.Equal(120, queues.Step(20, 3e9).Completed);
    }

    [Fact]
    public void A_backlogged_slot_keeps_the_rest_and_grows_the_energy_queue()
    {
        var queues = new ServerQueues(Profile, Tokens: 250, EnergyBacklog: 3.5);

        var slot = queues.Step(routed: 100, requestedFrequencyHz: 2e9);

        // Capacity 200 of 350; E = 2e-20·200·4e18 = 16 J > 10 J: the energy cap binds (see the next test).
        Assert.Equal(FrequencyClamp.EnergyCap, slot.Clamp);
        // Without the cap: E_max = ∞ gives 200 tokens, 16 J, Q = 150, Z = 3.5 + 16 − 5 = 14.5.
        var uncapped = (queues with { Profile = Profile with { EnergyCapJoules = double.PositiveInfinity } }).Step(100, 2e9);
        Assert.Equal(200, uncapped.Completed);
        Assert.Equal(16.0, uncapped.EnergyJoules, 10);
        Assert.Equal(150, uncapped.Next.Tokens);
        Assert.Equal(14.5, uncapped.Next.EnergyBacklog, 10);
        Assert.Equal(FrequencyClamp.None, uncapped.Clamp);
    }

    [Fact]
    public void A_frequency_above_f_max_is_lowered_to_f_max_and_then_to_the_largest_within_the_energy_cap()
    {
        var slot = new ServerQueues(Profile).Step(routed: 1000, requestedFrequencyHz: 4e9);

        // At 3 GHz: 300 tokens, 54 J > 10 J. E(n) at n·c/τ is 2e-6·n³: 170 tokens fit (9.826 J), 171 do not (10.0004 J).
        // The 171st token would start at 1.71 GHz, where 170 tokens cost 2e-20·170·1.71e18² = 9.94194 J.
        Assert.Equal(FrequencyClamp.EnergyCap, slot.Clamp);
        Assert.Equal(170, slot.Completed);
        Assert.Equal(1.71e9, slot.FrequencyHz, 1e-2 * 1.71e9 * 1e-9);
        Assert.True(slot.FrequencyHz < 1.71e9);
        Assert.Equal(9.94194, slot.EnergyJoules, 5);
        Assert.Equal(830, slot.Next.Tokens);
        Assert.Equal(4.94194, slot.Next.EnergyBacklog, 5);
    }

    [Fact]
    public void When_demand_binds_the_energy_cap_clamps_to_the_frequency_that_spends_exactly_e_max()
    {
        var profile = Profile with { EnergyCapJoules = 4 };

        var slot = new ServerQueues(profile).Step(routed: 50, requestedFrequencyHz: 3e9);

        // 50 tokens at 3 GHz cost 9 J > 4 J; 50 tokens at f cost 1e-18·f², so f = 2 GHz spends 4 J.
        Assert.Equal(FrequencyClamp.EnergyCap, slot.Clamp);
        Assert.Equal(50, slot.Completed);
        Assert.Equal(2e9, slot.FrequencyHz, 2e9 * 1e-12);
        Assert.InRange(slot.EnergyJoules, 4 - 1e-9, 4);
        Assert.Equal(0, slot.Next.Tokens);
    }

    [Fact]
    public void A_zero_energy_cap_idles_the_server()
    {
        var slot = new ServerQueues(Profile with { EnergyCapJoules = 0 }, Tokens: 3).Step(routed: 4, requestedFrequencyHz: 1e9);

        Assert.Equal(0, slot.Completed);
        Assert.Equal(0, slot.FrequencyHz);
        Assert.Equal(0, slot.EnergyJoules);
        Assert.Equal(7, slot.Next.Tokens);
    }

    [Fact]
    public void Caps_and_conservation_hold_for_random_slots()
    {
        var random = new Random(77);
        for (var trial = 0; trial < 3000; trial++)
        {
            var profile = Profile with
            {
                MaxFrequencyHz = random.NextDouble() * 4e9,
                EnergyCapJoules = random.NextDouble() * 30,
                CyclesPerToken = 1e6 + (random.NextDouble() * 2e7),
            };
            var queues = new ServerQueues(profile, Tokens: random.Next(500), EnergyBacklog: random.NextDouble() * 10);
            var routed = (long)random.Next(500);

            var requested = random.NextDouble() * 5e9;

            var slot = queues.Step(routed, requested);

            Assert.InRange(slot.FrequencyHz, 0, profile.MaxFrequencyHz);
            Assert.InRange(slot.EnergyJoules, 0, profile.EnergyCapJoules);
            Assert.InRange(slot.BusySeconds, 0, profile.SlotSeconds * (1 + 1e-9));
            Assert.Equal(queues.Tokens + routed, slot.Completed + slot.Next.Tokens);
            Assert.Equal(StableMoeCompute.Energy(profile.SwitchedCapacitance, slot.Completed, profile.CyclesPerToken, slot.FrequencyHz), slot.EnergyJoules);
            Assert.Equal(StableMoeCompute.NextEnergyQueue(queues.EnergyBacklog, slot.EnergyJoules, profile.AverageEnergyBudgetJoules), slot.Next.EnergyBacklog);
            if (slot.Clamp == FrequencyClamp.EnergyCap)
            {
                // The clamp was needed: at min(f, f_max) the slot breaks the cap ...
                var uncapped = profile with { EnergyCapJoules = double.PositiveInfinity };
                Assert.True((queues with { Profile = uncapped }).Step(routed, Math.Min(requested, profile.MaxFrequencyHz)).EnergyJoules > profile.EnergyCapJoules);
                // ... and it was the largest such frequency: 1 ppm more breaks it too.
                if (slot.FrequencyHz > 0)
                {
                    Assert.True((queues with { Profile = uncapped }).Step(routed, slot.FrequencyHz * (1 + 1e-6)).EnergyJoules > profile.EnergyCapJoules);
                }
            }
        }
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        var queues = new ServerQueues(Profile);
        Assert.Throws<ArgumentOutOfRangeException>(() => queues.Step(-1, 1e9));
        Assert.Throws<ArgumentOutOfRangeException>(() => queues.Step(1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerQueues(Profile with { CyclesPerToken = 0 }).Step(1, 1e9));
    }
}
