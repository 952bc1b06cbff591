using Akka.Actor;
using EdgeMoE.Models.Evaluation;
using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Actors.Nmoe;

/// <summary>A process of federated rounds the FL server runs.</summary>
public enum FederatedTask
{
    /// <summary>Stage 1 FedCE: the extractor is averaged, heads stay local.</summary>
    FedCe,

    /// <summary>Stage 1 FedSC: the extractor is averaged and correlation matrices are shared.</summary>
    FedSc,

    /// <summary>Baseline: FedAvg of the whole local classifier.</summary>
    FedAvg,

    /// <summary>Stage 3 FedGate on the FedCE extractor and experts.</summary>
    FedGateOnFedCe,

    /// <summary>Stage 3 FedGate on the FedSC extractor and experts.</summary>
    FedGateOnFedSc,
}

/// <summary>
/// The host asks the FL server for rounds <paramref name="First"/>..<paramref name="Rounds"/> of <paramref name="Task"/>
/// from the global weights <paramref name="Initial"/> (a host that checkpoints asks for one round at a time).
/// </summary>
public sealed record RunFederation(FederatedTask Task, int Rounds, ModelWeights Initial, int First = 1);

/// <summary>What one round did.</summary>
/// <param name="Task">The process.</param>
/// <param name="Round">The round (from 1; a round is a slot).</param>
/// <param name="Selected">Clients asked to train (available, and for FedGate scheduled), ascending.</param>
/// <param name="MeanLoss">Mean last-epoch training loss over the reporting clients (NaN when none reported).</param>
/// <param name="Metrics">Mean test metrics of the reporting clients' models after local training, when the task has a classifier.</param>
/// <param name="UploadBits">Bits the reporting clients uploaded (weights, correlation matrices).</param>
public sealed record RoundRecord(FederatedTask Task, int Round, IReadOnlyList<int> Selected, double MeanLoss, ClassificationMetrics? Metrics, long UploadBits);

/// <summary>The server's answer to <see cref="RunFederation"/>: the final global weights and each round.</summary>
public sealed record FederationDone(FederatedTask Task, ModelWeights Final, IReadOnlyList<RoundRecord> Rounds);

/// <summary>The server asks a client to train one round from the global weights (and, for FedSC, R̄_{−i}).</summary>
public sealed record TrainRound(FederatedTask Task, int Round, ModelWeights Global, float[]? Others);

/// <summary>FedSC: the server asks a client for R_i of the round's global weights before it trains.</summary>
public sealed record ShareCorrelation(int Round, ModelWeights Global);

/// <summary>A client's R_i (row-major d×d, with its DP noise).</summary>
public sealed record CorrelationShared(int Client, int Round, float[] Correlation);

/// <summary>A client's upload after a round.</summary>
public sealed record RoundUpdate(int Client, FederatedTask Task, int Round, ModelWeights Weights, double Loss, ClassificationMetrics? Metrics);

/// <summary>The host tells every client about its link and its peers (by client index).</summary>
public sealed record WireClients(IActorRef Link, IReadOnlyList<IActorRef> Clients);

/// <summary>The host hands every client the final global extractor of stage 1.</summary>
public sealed record AdoptExtractor(ExtractorKind Kind, ModelWeights Weights);

/// <summary>The host hands every client the final FedAvg classifier; the client answers with its metrics.</summary>
public sealed record AdoptFedAvg(ModelWeights Weights);

/// <summary>The host asks a client to train its local classifier alone; the client answers with its metrics.</summary>
public sealed record TrainLocalClassifier(LocalTrainingOptions Options);

/// <summary>Before stage 2: the host asks a client for the moments of its training features under the frozen extractor of <paramref name="Kind"/>.</summary>
public sealed record ShareFeatureMoments(ExtractorKind Kind);

/// <summary>A client's answer to <see cref="ShareFeatureMoments"/>.</summary>
public sealed record FeatureMomentsShared(int Client, FeatureMoments Moments);

/// <summary>
/// Stage 2: the host asks a client to train its personal expert on the frozen extractor of <paramref name="Kind"/>, on
/// features standardised by <paramref name="Standardisation"/> (pooled from every client's moments).
/// </summary>
public sealed record TrainExpert(ExtractorKind Kind, LocalTrainingOptions Options, FeatureStandardisation Standardisation);

/// <summary>Before FedGate: the client queries every peer's expert on its training features to learn p_i(y|h).</summary>
public sealed record PrepareFedGate(ExtractorKind Kind);

/// <summary>RollGate: the gate reaches this client, which trains it on its pseudo labels and hands it back.</summary>
public sealed record RollGateTurn(ExtractorKind Kind, ModelWeights Gate, LocalTrainingOptions Options, double OwnShare);

/// <summary>A client's answer to <see cref="RollGateTurn"/>.</summary>
public sealed record GateUpdate(int Client, ModelWeights Gate, double Loss);

/// <summary>A client acknowledges a step, with the loss of its training when there was one.</summary>
public sealed record ClientDone(int Client, double Loss);

/// <summary>A client's metrics on its test set.</summary>
public sealed record ClientMetrics(int Client, ClassificationMetrics Metrics);

/// <summary>Serverless inference: the client routes each test sample top-1 to an expert and aggregates the answers (eq. 1).</summary>
public sealed record Infer(ExtractorKind Kind, GateKind Gate, ModelWeights? GateWeights);

/// <summary>A client's inference outcome.</summary>
/// <param name="Client">The client.</param>
/// <param name="Metrics">Its test metrics.</param>
/// <param name="Chosen">How many of its test samples went to each expert.</param>
public sealed record InferenceResult(int Client, ClassificationMetrics Metrics, IReadOnlyList<int> Chosen);

/// <summary>A client sends features [Count, d] to a peer's expert through its link.</summary>
public sealed record ExpertQuery(int From, int Expert, ExtractorKind Kind, long Id, float[] Features, int Count);

/// <summary>The expert's class probabilities [Count, classes] for a query, back through the asker's link.</summary>
public sealed record ExpertAnswer(int From, int Expert, long Id, float[] Probabilities);

/// <summary>The host asks a link how many bits it carried.</summary>
public sealed record GetTraffic;

/// <summary>Bits a client's link carried: features out to peers and their answers back (float32).</summary>
public sealed record LinkTraffic(int Client, long FeatureBits, long AnswerBits);
