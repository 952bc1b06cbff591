using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Policies.Tests.Routing;

/// <summary>Seeded random Stable-MoE slots for oracle and property tests.</summary>
internal static class RandomSlots
{
    /// <summary>
    /// A tiny slot (J ≤ 4, ≤ 4 tokens, K ≤ 2) small enough to enumerate, with caps that bind in mixed ways:
    /// sometimes the frequency, sometimes the energy, sometimes neither; some experts unavailable; tied scores.
    /// Half the instances use the paper's physical scale (c = 1e7 cycles, GHz-range frequencies).
    /// </summary>
    public static SlotInstance Tiny(Random random)
    {
        var experts = random.Next(1, 5);
        var tokens = random.Next(0, 5);
        var paperScale = random.Next(2) == 0;
        var cycles = paperScale ? 1e7 : random.Next(1, 3);
        var tau = paperScale ? 1.0 : new[] { 0.5, 1.0, 2.0 }[random.Next(3)];
        var unitFrequency = cycles / tau; // Hz per token of capacity
        var states = new ExpertState[experts];
        for (var j = 0; j < experts; j++)
        {
            // Energy of d tokens is ξ·c³·d³/τ²; pick ξ so that one token costs ~0.02–1 J.
            var perTokenEnergy = 0.02 + random.NextDouble();
            var xi = perTokenEnergy * tau * tau / (cycles * cycles * cycles);
            states[j] = new ExpertState(
                TokenBacklog: random.Next(0, 7),
                EnergyBacklog: random.Next(4) == 0 ? 0 : random.NextDouble() * 5,
                MaxFrequencyHz: unitFrequency * random.NextDouble() * 9,
                SwitchedCapacitance: xi,
                MaxEnergyJoules: random.NextDouble() * (random.Next(2) == 0 ? 3 : 40),
                AverageEnergyJoules: random.NextDouble() * 6,
                Available: random.Next(5) != 0);
        }

        var tied = random.Next(3) == 0;
        var scores = new double[tokens * experts];
        for (var n = 0; n < scores.Length; n++)
        {
            scores[n] = tied ? random.Next(3) / 2.0 : random.NextDouble();
        }

        return new SlotInstance(
            TradeOff: random.Next(5) == 0 ? 0 : random.NextDouble() * 60,
            GatingWeight: random.NextDouble() * 2,
            ExpertsPerToken: random.Next(1, 3),
            SlotSeconds: tau,
            CyclesPerToken: cycles,
            Experts: states,
            Scores: new GatingScores(tokens, experts, scores));
    }
}
