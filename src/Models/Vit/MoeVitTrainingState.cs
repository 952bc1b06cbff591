using EdgeMoE.Models.Moe.Federated;
using EdgeMoE.Models.Nn;

namespace EdgeMoE.Models.Vit;

/// <summary>
/// Where <see cref="MoeVitTraining.Train"/> stands after an epoch: enough to continue it exactly (its torch generator
/// only initialises the network, so the shuffle generator is the one that moves on).
/// </summary>
/// <param name="Epoch">Epochs done (from 1).</param>
/// <param name="Step">Optimiser steps taken (the learning-rate schedule's position).</param>
/// <param name="Order">The sample order, which each epoch shuffles further in place.</param>
/// <param name="Shuffle">The shuffle generator's state (four words).</param>
/// <param name="Weights">The network's parameters.</param>
/// <param name="Optimiser">Adam's state per parameter (its learning rate follows from <paramref name="Step"/>).</param>
public sealed record MoeVitTrainingState(int Epoch, long Step, int[] Order, ulong[] Shuffle, ModelWeights Weights, IReadOnlyList<AdamMoments> Optimiser);
