namespace EdgeMoE.Models.Moe.Federated;

/// <summary>How a client trains locally in one round or stage.</summary>
/// <param name="Epochs">Passes over the local data (≥ 1).</param>
/// <param name="BatchSize">Samples per step (≥ 1).</param>
/// <param name="LearningRate">Adam's learning rate (&gt; 0).</param>
/// <param name="MaxSteps">Most optimiser steps per call (0: no limit, every batch of every epoch).</param>
public sealed record LocalTrainingOptions(int Epochs, int BatchSize, double LearningRate, int MaxSteps = 0);
