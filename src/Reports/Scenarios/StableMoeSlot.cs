namespace EdgeMoE.Reports.Scenarios;

/// <summary>One slot of one policy.</summary>
/// <param name="Slot">Slot index.</param>
/// <param name="CumulativeThroughput">Tokens processed from the first slot to this one.</param>
/// <param name="TotalTokenQueue">Σ_j Q_j at the slot's end, tokens.</param>
/// <param name="TotalEnergyQueue">Σ_j Z_j at the slot's end, J.</param>
/// <param name="TestAccuracy">Test accuracy (fraction) when the slot evaluated the model, else null.</param>
/// <param name="FrequencyHz">CPU frequency of each server, Hz.</param>
/// <param name="EnergyJ">Energy each server spent in the slot, J.</param>
public sealed record StableMoeSlot(
    int Slot, double CumulativeThroughput, double TotalTokenQueue, double TotalEnergyQueue, double? TestAccuracy,
    IReadOnlyList<double> FrequencyHz, IReadOnlyList<double> EnergyJ);
