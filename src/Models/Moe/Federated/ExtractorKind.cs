namespace EdgeMoE.Models.Moe.Federated;

/// <summary>How the shared feature extractor was learned (stage 1).</summary>
public enum ExtractorKind
{
    /// <summary>FedAvg of an end-to-end cross-entropy classifier, heads kept local.</summary>
    FedCe,

    /// <summary>Federated spectral contrastive learning with shared correlation matrices.</summary>
    FedSc,
}
