namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// Everything a <see cref="FederatedClient"/> has learnt and drawn so far, copied out so a checkpoint can hold it and a
/// fresh client of the same index, shape and data continues exactly. Keys are stable names (e.g. "fedce",
/// "expert-FedCe", "gate-FedSc-RollGate"); the data and the shape are not in it (they derive from the run's settings).
/// Torch generators only initialise networks (none draws during training), so the xoshiro states are every generator.
/// </summary>
/// <param name="Randoms">Per purpose, the state of its xoshiro256** generator (four words).</param>
/// <param name="Networks">Per network, its parameters.</param>
/// <param name="Optimisers">Per network that has one, its Adam state.</param>
/// <param name="Arrays">Computed arrays: features per extractor ("features-FedCe-train"/"-test") and p_i(y|h) ("label-probabilities-FedCe").</param>
/// <param name="PseudoLabels">RollGate's pseudo labels per extractor ("pseudo-labels-FedCe").</param>
public sealed record FederatedClientState(
    IReadOnlyDictionary<string, ulong[]> Randoms,
    IReadOnlyDictionary<string, ModelWeights> Networks,
    IReadOnlyDictionary<string, AdamSnapshot> Optimisers,
    IReadOnlyDictionary<string, float[]> Arrays,
    IReadOnlyDictionary<string, int[]> PseudoLabels);
