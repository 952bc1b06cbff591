namespace EdgeMoE.Actors.Edge.Messages;

/// <summary>The client's tokens of one slot, sent to the router: one image per token.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="TokenIds">Run-wide token numbers, ascending.</param>
/// <param name="Labels">The class of each token.</param>
/// <param name="ImageIndices">
/// Where each token's image lies in the training set (0-based): nothing alters pixels later, so a checkpoint keeps
/// this index instead of the image.
/// </param>
/// <param name="Pixels">The images, token after token (tokens × image size floats).</param>
/// <param name="ArrivesAt">Virtual time at which the batch reaches the router (the slot's start).</param>
public sealed record TokenBatch(long Slot, long[] TokenIds, int[] Labels, int[] ImageIndices, float[] Pixels, TimeSpan ArrivesAt);

/// <summary>
/// The router's tokens for one server in one slot, with the frequency it must run at. Exactly one per server per
/// slot (possibly empty), so the server knows d_rou_j once it arrives.
/// </summary>
/// <param name="Slot">The slot.</param>
/// <param name="Server">Destination server j.</param>
/// <param name="TokenIds">The routed tokens, in routing order.</param>
/// <param name="ImageIndices">Where each token's image lies in the training set (see <see cref="TokenBatch"/>).</param>
/// <param name="Pixels">Their images (tokens × image size floats).</param>
/// <param name="FrequencyHz">f_j(t) decided by the policy (Hz).</param>
/// <param name="ArrivesAt">
/// Virtual time at which the dispatch reaches the actor it is sent to: the router's send time on the way to the
/// channel, plus the link latency bits/rate once the channel forwards it to the server.
/// </param>
/// <param name="CompletionCap">Most tokens the server may complete this slot (≥ 0; <see cref="long.MaxValue"/> for no cap beyond eq. 1).</param>
public sealed record TokenDispatch(long Slot, int Server, long[] TokenIds, int[] ImageIndices, float[] Pixels, double FrequencyHz, TimeSpan ArrivesAt, long CompletionCap = long.MaxValue);

/// <summary>A server's forward outputs of the tokens it computed in one slot (exactly one per server per slot).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Server">Source server j.</param>
/// <param name="TokenIds">The computed tokens, FIFO order.</param>
/// <param name="Outputs">Their outputs y_ij (tokens × classes floats).</param>
/// <param name="ArrivesAt">
/// Virtual time at which the outputs reach the actor they are sent to: the dispatch's arrival plus the busy time
/// d_com_j·c/f_j on the way to the channel, plus the link latency bits/rate once the channel forwards them to the router.
/// </param>
public sealed record ExpertOutputs(long Slot, int Server, long[] TokenIds, float[] Outputs, TimeSpan ArrivesAt);

/// <summary>dL/dy_ij for the tokens processed in one slot that server j computed (exactly one per server per slot).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Server">Destination server j.</param>
/// <param name="TokenIds">Tokens, ascending.</param>
/// <param name="Gradients">dL/dy_ij (tokens × classes floats).</param>
/// <param name="ArrivesAt">
/// Virtual time at which the gradients reach the actor they are sent to: the router's send time (the last output
/// arrival of the slot) on the way to the channel, plus the link latency bits/rate once forwarded to the server.
/// </param>
public sealed record OutputGradients(long Slot, int Server, long[] TokenIds, float[] Gradients, TimeSpan ArrivesAt);
