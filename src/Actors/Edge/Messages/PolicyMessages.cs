using EdgeMoE.Policies.Routing;

namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>A server's queues at the start of a slot, sent to the policy: the snapshot it decides from.</summary>
/// <param name="Slot">The slot about to be decided.</param>
/// <param name="Server">Server index j.</param>
/// <param name="TokenBacklog">Q_j(t).</param>
/// <param name="EnergyBacklog">Z_j(t) (J).</param>
/// <param name="Available">False during a configured outage: the policy routes nothing to it.</param>
public sealed record ServerStatus(long Slot, int Server, long TokenBacklog, double EnergyBacklog, bool Available);

/// <summary>The router asks for the slot's routing and frequencies, given the gating scores of its tokens.</summary>
public sealed record DecisionRequest(long Slot, GatingScores Scores);

/// <summary>The policy's answer: per token its experts, per server its frequency.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Routing">Per token (in batch order) the servers it goes to, ascending.</param>
/// <param name="FrequencyHz">f_j per server (Hz).</param>
/// <param name="Objective">The decision's P1 value.</param>
/// <param name="CompletionCap">Per server, the most tokens it may complete this slot; null for no cap beyond eq. 1 (see <see cref="RoutingDecision.CompletionCap"/>).</param>
public sealed record SlotDecision(long Slot, IReadOnlyList<int[]> Routing, double[] FrequencyHz, double Objective, long[]? CompletionCap = null);
