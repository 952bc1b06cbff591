namespace EdgeMoE.Models.Compute;

/// <summary>
/// The state of one Stable-MoE server between slots: token backlog Q and energy backlog Z, with the
/// server's profile. <see cref="Step"/> applies eqs. 1–4 with the caps f ≤ f_max and E ≤ E_max.
/// </summary>
/// <param name="Profile">Hardware and budgets.</param>
/// <param name="Tokens">Q, tokens waiting (≥ 0).</param>
/// <param name="EnergyBacklog">Z, virtual energy queue (J, ≥ 0).</param>
public sealed record ServerQueues(ServerProfile Profile, long Tokens = 0, double EnergyBacklog = 0)
{
    // Relative step below the frequency at which one more token would fit, safely past Capacity's floor slack.
    private const double BelowNextToken = 1 - 4e-12;

    /// <summary>
    /// Runs one slot: <paramref name="routed"/> tokens arrive and the server runs at <paramref name="requestedFrequencyHz"/>.
    /// The frequency is first lowered to f_max. If the slot's energy ξ·c·d_com·f² would then exceed E_max, the
    /// frequency is lowered to the largest one that meets the cap: the server completes n* tokens, the most any
    /// frequency ≤ the requested one can complete within E_max, at f* = min(f, √(E_max/(ξ·c·n*))) but below the
    /// frequency at which an (n*+1)-th token would start; f* = 0 when not even one token fits.
    /// </summary>
    /// <param name="routed">d_rou, tokens routed to the server this slot (≥ 0).</param>
    /// <param name="requestedFrequencyHz">f requested by the policy (Hz, ≥ 0).</param>
    /// <param name="completionCap">
    /// Most tokens the server may complete this slot (≥ 0; <see cref="long.MaxValue"/> for none): eq. 1 becomes
    /// d_com = min(Q + d_rou, ⌊τ·f/c⌋, cap). A policy that runs at f and stops once E_max is spent sends
    /// cap = ⌊E_max/(ξ·c·f²)⌋, the tokens whose energy ξ·c·f² each fits in E_max.
    /// </param>
    public ServerSlot Step(long routed, double requestedFrequencyHz, long completionCap = long.MaxValue)
    {
        Profile.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(routed);
        ArgumentOutOfRangeException.ThrowIfNegative(completionCap);
        if (!(requestedFrequencyHz >= 0) || !double.IsFinite(requestedFrequencyHz))
        {
            throw new ArgumentOutOfRangeException(nameof(requestedFrequencyHz), requestedFrequencyHz, "The frequency must be finite and ≥ 0 Hz.");
        }

        var p = Profile;
        var clamp = requestedFrequencyHz > p.MaxFrequencyHz ? FrequencyClamp.MaxFrequency : FrequencyClamp.None;
        var frequency = Math.Min(requestedFrequencyHz, p.MaxFrequencyHz);
        var completed = CompletedAt(routed, frequency, completionCap);
        if (SlotEnergy(completed, frequency) > p.EnergyCapJoules)
        {
            clamp = FrequencyClamp.EnergyCap;
            frequency = LargestFrequencyWithinCap(routed, frequency, completionCap);
            completed = CompletedAt(routed, frequency, completionCap);
        }

        var energy = SlotEnergy(completed, frequency);
        var next = this with
        {
            Tokens = StableMoeCompute.NextTokenQueue(Tokens, routed, completed),
            EnergyBacklog = StableMoeCompute.NextEnergyQueue(EnergyBacklog, energy, p.AverageEnergyBudgetJoules),
        };
        var busy = completed == 0 ? 0 : completed * StableMoeCompute.SecondsPerToken(p.CyclesPerToken, frequency);
        return new ServerSlot(next, completed, frequency, energy, busy, clamp);
    }

    private long CompletedAt(long routed, double frequency, long completionCap) =>
        Math.Min(StableMoeCompute.Completed(Tokens, routed, StableMoeCompute.Capacity(Profile.SlotSeconds, frequency, Profile.CyclesPerToken)), completionCap);

    private double SlotEnergy(long completed, double frequency) =>
        StableMoeCompute.Energy(Profile.SwitchedCapacitance, completed, Profile.CyclesPerToken, frequency);

    private double LargestFrequencyWithinCap(long routed, double ceiling, long completionCap)
    {
        var p = Profile;
        var demand = Math.Min(Tokens + routed, completionCap);
        var tokens = Math.Min(demand, StableMoeCompute.MaxTokensWithin(ceiling, p.EnergyCapJoules, p.SwitchedCapacitance, p.SlotSeconds, p.CyclesPerToken));
        if (tokens == 0)
        {
            return 0;
        }

        // E = ξ·c·n·f² at n tokens; ξ > 0 here, else the cap could not have been exceeded.
        var frequency = Math.Min(ceiling, Math.Sqrt(p.EnergyCapJoules / (p.SwitchedCapacitance * p.CyclesPerToken * tokens)));
        if (tokens < demand)
        {
            // Stay below the frequency at which token n*+1 would fit and raise the energy past the cap.
            var nextToken = StableMoeCompute.MinimumFrequency(tokens + 1, p.SlotSeconds, p.CyclesPerToken);
            frequency = Math.Min(frequency, nextToken * BelowNextToken);
            while (StableMoeCompute.Capacity(p.SlotSeconds, frequency, p.CyclesPerToken) > tokens)
            {
                frequency *= BelowNextToken;
            }
        }

        // Rounding in E = ξ·n·(c/f)·f³ may put the last ulp above the cap.
        while (frequency > 0 && SlotEnergy(CompletedAt(routed, frequency, completionCap), frequency) > p.EnergyCapJoules)
        {
            frequency = Math.BitDecrement(frequency);
        }

        return frequency;
    }
}
