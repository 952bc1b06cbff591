using EdgeMoE.Models.Data;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>One client's local data: its training images and its test images, drawn from the same distribution.</summary>
/// <param name="Train">Training images.</param>
/// <param name="Test">Test images.</param>
public sealed record ClientDataSplit(LabeledImages Train, LabeledImages Test);
