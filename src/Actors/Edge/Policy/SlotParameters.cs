using EdgeMoE.Models.Compute;

namespace EdgeMoE.Actors.Edge.Policy;

/// <summary>The constants of problem P1 that do not change from slot to slot.</summary>
/// <param name="TradeOff">V (≥ 0).</param>
/// <param name="GatingWeight">μ (≥ 0).</param>
/// <param name="ExpertsPerToken">K (≥ 1).</param>
/// <param name="Servers">Each server's hardware and energy budgets, by index.</param>
public sealed record SlotParameters(double TradeOff, double GatingWeight, int ExpertsPerToken, IReadOnlyList<ServerProfile> Servers);
