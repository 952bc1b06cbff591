using EdgeMoE.Models.Nn;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>A client's Adam of one network, copied out: its learning rate and its state per parameter (in parameter order).</summary>
/// <param name="LearningRate">The learning rate it was made with (parameter units per unit of normalised gradient).</param>
/// <param name="Parameters">Per parameter, its step count and moments.</param>
public sealed record AdamSnapshot(double LearningRate, IReadOnlyList<AdamMoments> Parameters);
