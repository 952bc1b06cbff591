namespace EdgeMoE.Actors.Jesa.Messages;

/// <summary>
/// Coordinator → expert node: run the attention block and gate of layer <paramref name="Layer"/> on the node's query.
/// Layer 0 carries the query's image (pixels in [0, 1], row-major) and its label; later layers carry none.
/// </summary>
public sealed record StartLayer(int Round, int Layer, float[]? Pixels, int Label);

/// <summary>
/// Expert node → coordinator: the gating scores g^(l)(u_i^(n)) of its hidden states, [n][j] (eq. 7).
/// </summary>
public sealed record GateReport(int Node, int Round, int Layer, double[][] Scores);

/// <summary>
/// Coordinator → expert node: the scheme's decision for the node's hidden states and its links.
/// </summary>
/// <param name="Round">The query round.</param>
/// <param name="Layer">0-based layer.</param>
/// <param name="Selection">α: for each of the node's hidden states, the experts chosen (ascending).</param>
/// <param name="SubcarrierTo">β: the subcarrier of link node → j for every j (-1 when the link carries nothing).</param>
/// <param name="Senders">The other nodes that will send this node hidden states to compute, ascending.</param>
public sealed record Allocation(int Round, int Layer, int[][] Selection, int[] SubcarrierTo, int[] Senders);

/// <summary>
/// Expert node → coordinator: the node finished layer <paramref name="Layer"/>, both as expert (the hidden states it
/// computed) and as source (its own hidden states aggregated by eq. 8).
/// </summary>
/// <param name="CommunicationJ">Eq. 3 energy of the hidden states delivered to this node, J.</param>
/// <param name="ComputationJ">Eq. 4 energy (b_j = 0) of the hidden states it computed, J.</param>
/// <param name="Correct">After the last layer: whether the query was classified right; otherwise false.</param>
public sealed record LayerDone(int Node, int Round, int Layer, double CommunicationJ, double ComputationJ, bool Correct);
