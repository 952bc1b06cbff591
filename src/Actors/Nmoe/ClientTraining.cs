using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Actors.Nmoe;

/// <summary>How clients train in the server's rounds.</summary>
/// <param name="Classifier">Local training per FedCE and FedAvg round.</param>
/// <param name="Contrastive">Local training per FedSC round.</param>
/// <param name="Gate">Local training per FedGate round.</param>
/// <param name="BalanceWeight">Weight of the load-balancing loss in FedGate (≥ 0).</param>
/// <param name="DpNoiseStd">Standard deviation of the Gaussian noise added to each shared correlation entry (0: off).</param>
public sealed record ClientTraining(LocalTrainingOptions Classifier, LocalTrainingOptions Contrastive, LocalTrainingOptions Gate, double BalanceWeight, double DpNoiseStd);
