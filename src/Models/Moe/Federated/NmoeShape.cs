using EdgeMoE.Models.Nn;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// The networks of a networked MoE: a CNN feature extractor shared by every client, a personal expert per client
/// (a 4-layer MLP on the features, as in the paper) and a gate on the features that scores the clients' experts.
/// </summary>
/// <param name="Extractor">The feature extractor F.</param>
/// <param name="ExpertHidden">Width of the expert's three hidden layers (≥ 1).</param>
/// <param name="GateHidden">Hidden width of the gate (0: a linear gate).</param>
/// <param name="Classes">Classes the experts predict (≥ 2).</param>
/// <param name="Clients">Clients, hence experts the gate scores (≥ 1).</param>
public sealed record NmoeShape(CnnOptions Extractor, int ExpertHidden, int GateHidden, int Classes, int Clients)
{
    /// <summary>Features per sample, the width of F's output.</summary>
    public int FeatureSize => Extractor.FeatureSize;

    /// <summary>A feature extractor initialised from <paramref name="generator"/>.</summary>
    public CnnFeatureExtractor NewExtractor(Generator generator) => new(Extractor, generator);

    /// <summary>FedSC's extractor with its contrastive projection.</summary>
    public ContrastiveModel NewContrastive(Generator generator) => new(NewExtractor(generator), generator);

    /// <summary>An expert H_i: features → hidden → hidden → hidden → classes.</summary>
    public MlpExpert NewExpert(Generator generator) => new(FeatureSize, [ExpertHidden, ExpertHidden, ExpertHidden], Classes, generator);

    /// <summary>A gate G: features → one logit per client's expert.</summary>
    public GatingNetwork NewGate(Generator generator) => new(FeatureSize, Clients, generator, GateHidden);

    /// <summary>An end-to-end classifier H(F(x)) (FedCE, FedAvg and the local classifier).</summary>
    public NmoeClassifier NewClassifier(Generator generator) => new(NewExtractor(generator), NewExpert(generator));
}
