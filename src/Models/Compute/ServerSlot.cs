namespace EdgeMoE.Models.Compute;

/// <summary>The outcome of one slot of a Stable-MoE server.</summary>
/// <param name="Next">Queues at the start of the next slot (eqs. 2 and 4).</param>
/// <param name="Completed">d_com, tokens processed this slot (eq. 1).</param>
/// <param name="FrequencyHz">Frequency actually run at (Hz), after the caps.</param>
/// <param name="EnergyJoules">Computation energy of the slot (eq. 3), ≤ E_max (J).</param>
/// <param name="BusySeconds">Time spent computing, d_com·c/f (s, ≤ τ).</param>
/// <param name="Clamp">Which cap lowered the requested frequency, if any.</param>
public sealed record ServerSlot(ServerQueues Next, long Completed, double FrequencyHz, double EnergyJoules, double BusySeconds, FrequencyClamp Clamp);
