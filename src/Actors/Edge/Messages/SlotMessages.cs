namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>The slot clock starts slot <paramref name="Slot"/> (0-based): sent to the client and every expert server.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="StartsAt">Virtual time at which the slot starts.</param>
public sealed record SlotTick(long Slot, TimeSpan StartsAt);

/// <summary>What the router measured in one slot.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Arrivals">Tokens that arrived from the client this slot.</param>
/// <param name="Processed">Tokens whose K expert outputs were all aggregated this slot (the throughput).</param>
/// <param name="TrainingLoss">Mean cross-entropy of the processed tokens before the update; NaN when none was processed.</param>
/// <param name="GatingConsistency">G(t) = Σ_ij g_ij·x_ij of the slot's routing.</param>
/// <param name="Objective">The P1 value V·Γ_u − Γ_p the policy reported for its decision.</param>
/// <param name="ArrivesAt">Virtual time at which the router finished the slot (the last output arrival).</param>
/// <param name="Tokens">Where the router's unprocessed tokens stand at the slot's end (null: nothing was ever routed again).</param>
public sealed record RouterSlotReport(
    long Slot, int Arrivals, int Processed, double TrainingLoss, double GatingConsistency, double Objective, TimeSpan ArrivesAt,
    RouterTokens? Tokens = null);

/// <summary>
/// The router's unprocessed tokens at the end of a slot, for the token ledger: each token copy still waiting for an
/// expert's output, by (token, server), and the tokens routed again.
/// </summary>
/// <param name="Holding">Tokens the router holds (arrived, not yet processed).</param>
/// <param name="Rerouted">Tokens routed again this slot because a server they waited for went down.</param>
/// <param name="Unassigned">Tokens waiting for any server to be available (every server they could go to is down).</param>
/// <param name="WaitingTokens">Per missing output, the token (ascending by token, then server).</param>
/// <param name="WaitingServers">Per missing output, the server it waits for.</param>
public sealed record RouterTokens(long Holding, int Rerouted, int Unassigned, long[] WaitingTokens, int[] WaitingServers);

/// <summary>What one expert server did in one slot (paper eqs. 1–4).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Server">Server index j.</param>
/// <param name="Available">False during a configured outage (nothing routed, f = 0).</param>
/// <param name="Routed">d_rou_j, tokens routed to the server this slot.</param>
/// <param name="Completed">d_com_j, tokens it computed this slot.</param>
/// <param name="TokenBacklog">Q_j(t+1), tokens left in its queue at the end of the slot.</param>
/// <param name="EnergyBacklog">Z_j(t+1), its energy queue at the end of the slot (J).</param>
/// <param name="EnergyJoules">E_j(t), computation energy of the slot (J).</param>
/// <param name="FrequencyHz">f_j(t), the CPU frequency it ran at (Hz).</param>
/// <param name="Trained">Tokens whose output gradient it applied this slot.</param>
/// <param name="ArrivesAt">Virtual time at which the server finished the slot (its gradients' arrival).</param>
/// <param name="QueuedTokens">The tokens in its queue at the slot's end, FIFO order (null when not reported).</param>
public sealed record ServerSlotReport(
    long Slot, int Server, bool Available, long Routed, long Completed, long TokenBacklog, double EnergyBacklog,
    double EnergyJoules, double FrequencyHz, int Trained, TimeSpan ArrivesAt, long[]? QueuedTokens = null);

/// <summary>Traffic of one router↔server link in one slot.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Server">Server index j of the link.</param>
/// <param name="Bits">Bits carried in both directions (tokens, outputs, gradients).</param>
/// <param name="Joules">Transmit energy P0·M_j·(bits/rate) of those transfers (J).</param>
/// <param name="ArrivesAt">Virtual time at which the link closed the slot (the gradients entered it).</param>
public sealed record LinkSlotReport(long Slot, int Server, double Bits, double Joules, TimeSpan ArrivesAt);

/// <summary>The clock asks the router to measure test accuracy after slot <paramref name="Slot"/>.</summary>
/// <param name="Slot">The slot just finished.</param>
/// <param name="FullTestSet">True for the whole test set (the final point), false for the fixed subset.</param>
public sealed record EvaluateModel(long Slot, bool FullTestSet);

/// <summary>The router's answer to <see cref="EvaluateModel"/>: the MoE's accuracy in [0, 1].</summary>
public sealed record EvaluationReport(long Slot, double Accuracy);

/// <summary>Everything measured in one slot, published by the clock to its observer once every participant reported.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="StartedAt">
/// Virtual time at which the slot started: the previous slot's start plus τ, or its last report's virtual arrival
/// when its traffic took longer.
/// </param>
/// <param name="Router">The router's report.</param>
/// <param name="Servers">One report per server, by index.</param>
/// <param name="Links">One report per link, by server index.</param>
/// <param name="TestAccuracy">Test accuracy when evaluated after this slot, else null.</param>
/// <param name="FullTestSet">True when <paramref name="TestAccuracy"/> is over the whole test set.</param>
/// <param name="Ledger">Where every token that arrived so far stands at the slot's end (null when not kept).</param>
/// <param name="Lost">Servers found lost (not scheduled) during the slot.</param>
public sealed record SlotMetrics(
    long Slot, TimeSpan StartedAt, RouterSlotReport Router, IReadOnlyList<ServerSlotReport> Servers,
    IReadOnlyList<LinkSlotReport> Links, double? TestAccuracy, bool FullTestSet, TokenLedger? Ledger = null,
    IReadOnlyList<ServersLost>? Lost = null);

/// <summary>
/// Every token that arrived, accounted for at the end of a slot: processed, waiting in a live server's queue, in
/// flight (waiting to be routed again), or lost. <see cref="Lost"/> is measured, not derived: a token counts as lost
/// when one of its missing outputs is neither queued at its live server nor waiting to be routed again, or when the
/// router no longer holds it.
/// </summary>
/// <param name="Arrivals">Tokens arrived since slot 0.</param>
/// <param name="Completed">Tokens processed (all their outputs aggregated) since slot 0.</param>
/// <param name="Queued">Tokens whose missing outputs all wait in live servers' queues.</param>
/// <param name="InFlight">Tokens waiting to be routed again (a server they waited for is down).</param>
/// <param name="Rerouted">Tokens routed again since slot 0 (a token counts once per server it lost).</param>
/// <param name="Lost">Tokens unaccounted for.</param>
public sealed record TokenLedger(long Arrivals, long Completed, long Queued, long InFlight, long Rerouted, long Lost)
{
    /// <summary>The ledger of several independent cells: every count adds up.</summary>
    public static TokenLedger Sum(IEnumerable<TokenLedger> ledgers) => ledgers.Aggregate(
        new TokenLedger(0, 0, 0, 0, 0, 0),
        (a, b) => new TokenLedger(a.Arrivals + b.Arrivals, a.Completed + b.Completed, a.Queued + b.Queued, a.InFlight + b.InFlight, a.Rerouted + b.Rerouted, a.Lost + b.Lost));
}

/// <summary>Sent to the observer after the last slot's <see cref="SlotMetrics"/>.</summary>
public sealed record RunCompleted(long Slots);
