namespace EdgeMoE.Models.Compute;

/// <summary>
/// Computation, energy and queue dynamics of one edge server in Stable-MoE (paper eqs. 1–4).
/// Units: frequencies in Hz, times in seconds, energies in joules, cycles per token dimensionless.
/// </summary>
public static class StableMoeCompute
{
    // ⌊τ·f/c⌋ is evaluated on doubles; a frequency computed as n·c/τ must give back n, not n − 1 from
    // rounding, so the quotient is nudged up by a few ulps before flooring.
    private const double FloorSlack = 1e-12;

    /// <summary>Computation time of one token, τ_com = c / f (seconds); infinite at f = 0.</summary>
    public static double SecondsPerToken(double cyclesPerToken, double frequencyHz) =>
        frequencyHz > 0 ? cyclesPerToken / frequencyHz : double.PositiveInfinity;

    /// <summary>Tokens a server can complete in one slot at frequency f: ⌊τ·f / c⌋ (the second term of eq. 1).</summary>
    public static long Capacity(double slotSeconds, double frequencyHz, double cyclesPerToken)
    {
        if (frequencyHz <= 0)
        {
            return 0;
        }

        var tokens = slotSeconds * frequencyHz / cyclesPerToken;
        return (long)Math.Floor(tokens * (1 + FloorSlack));
    }

    /// <summary>Tokens completed in a slot, d_com = min(Q + d_rou, capacity) (eq. 1).</summary>
    public static long Completed(long queued, long routed, long capacity) => Math.Min(queued + routed, capacity);

    /// <summary>Computation energy of a slot, E = ξ·d_com·τ_com·f³ = ξ·c·d_com·f² (eq. 3), joules.</summary>
    public static double Energy(double switchedCapacitance, long completed, double cyclesPerToken, double frequencyHz) =>
        completed == 0 || frequencyHz <= 0
            ? 0
            : switchedCapacitance * completed * SecondsPerToken(cyclesPerToken, frequencyHz) * frequencyHz * frequencyHz * frequencyHz;

    /// <summary>Token backlog of the next slot, Q(t+1) = max(Q + d_rou − d_com, 0) (eq. 2).</summary>
    public static long NextTokenQueue(long queued, long routed, long completed) => Math.Max(queued + routed - completed, 0);

    /// <summary>Energy backlog of the next slot, Z(t+1) = max(Z + E − E_avg, 0) (eq. 4), joules.</summary>
    public static double NextEnergyQueue(double energyQueue, double energy, double averageBudget) =>
        Math.Max(energyQueue + energy - averageBudget, 0);

    /// <summary>The smallest frequency that completes <paramref name="tokens"/> tokens in one slot: n·c / τ (Hz).</summary>
    public static double MinimumFrequency(long tokens, double slotSeconds, double cyclesPerToken) =>
        tokens <= 0 ? 0 : tokens * cyclesPerToken / slotSeconds;

    /// <summary>
    /// The most tokens a server can complete in one slot with f ≤ <paramref name="maxFrequencyHz"/> and
    /// E ≤ <paramref name="energyCap"/>, each token run at the minimum frequency that completes the count.
    /// </summary>
    public static long MaxTokensWithin(
        double maxFrequencyHz, double energyCap, double switchedCapacitance, double slotSeconds, double cyclesPerToken)
    {
        var byFrequency = Capacity(slotSeconds, maxFrequencyHz, cyclesPerToken);
        if (energyCap < 0)
        {
            return 0;
        }

        // E(n) = ξ·c·n·(n·c/τ)² is increasing in n: the energy bound is n ≤ (E_cap·τ² / (ξ·c³))^(1/3),
        // then corrected by exact evaluation against rounding.
        var guess = switchedCapacitance > 0
            ? (long)Math.Floor(Math.Cbrt(energyCap * slotSeconds * slotSeconds /
                (switchedCapacitance * cyclesPerToken * cyclesPerToken * cyclesPerToken)))
            : byFrequency;
        var n = Math.Min(byFrequency, Math.Max(guess + 1, 0));
        while (n > 0 && EnergyAtMinimumFrequency(n, switchedCapacitance, slotSeconds, cyclesPerToken) > energyCap)
        {
            n--;
        }

        return n;
    }

    /// <summary>Energy of completing n tokens at the minimum frequency that does so (joules).</summary>
    public static double EnergyAtMinimumFrequency(long tokens, double switchedCapacitance, double slotSeconds, double cyclesPerToken) =>
        Energy(switchedCapacitance, tokens, cyclesPerToken, MinimumFrequency(tokens, slotSeconds, cyclesPerToken));

    /// <summary>
    /// Tokens a server running at f can complete before its slot energy passes E_cap: ⌊E_cap / (ξ·c·f²)⌋, each token
    /// costing ξ·c·f² joules (eq. 3), checked against eq. 3 itself; <see cref="long.MaxValue"/> when a token costs nothing.
    /// </summary>
    public static long TokensWithinEnergyAt(double frequencyHz, double energyCap, double switchedCapacitance, double cyclesPerToken)
    {
        var perToken = switchedCapacitance * cyclesPerToken * frequencyHz * frequencyHz;
        if (!(perToken > 0))
        {
            return long.MaxValue;
        }

        var n = (long)Math.Min(Math.Floor(Math.Max(energyCap, 0) / perToken), long.MaxValue / 4);
        while (n > 0 && Energy(switchedCapacitance, n, cyclesPerToken, frequencyHz) > energyCap)
        {
            n--;
        }

        while (Energy(switchedCapacitance, n + 1, cyclesPerToken, frequencyHz) <= energyCap)
        {
            n++;
        }

        return n;
    }
}
