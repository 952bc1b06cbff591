namespace EdgeMoE.Actors.Jesa.Messages;

/// <summary>Coordinator → link: draw this round's block-fading gains and report them (the CSI).</summary>
public sealed record MeasureLink(int Round, int Layer);

/// <summary>Link → coordinator: the power gains H_ij^(m) of all M subcarriers for this layer round.</summary>
public sealed record LinkCsi(int From, int To, int Round, int Layer, double[] Gains);

/// <summary>
/// Source node → link i → j: hidden states to compute at j (forward transmission), sent on <paramref name="Subcarrier"/>.
/// </summary>
/// <param name="Tokens">Indices of the hidden states in the source's query, ascending.</param>
/// <param name="States">Their values, [tokens × d] row-major.</param>
public sealed record ForwardHiddenStates(int From, int To, int Round, int Layer, int Subcarrier, int[] Tokens, float[] States);

/// <summary>Link → expert node j: hidden states delivered, with the energy their transmission took (eq. 3, J).</summary>
public sealed record DeliveredHiddenStates(int From, int To, int Round, int Layer, int[] Tokens, float[] States, double CommunicationJ);

/// <summary>
/// Expert node j → link j → i → source node i: FFN_j of the hidden states it was sent (backward transmission), same order.
/// </summary>
public sealed record ExpertOutputs(int Expert, int Source, int Round, int Layer, int[] Tokens, float[] Outputs);
