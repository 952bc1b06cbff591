using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// FedSC's network: the feature extractor F and a linear projection on top that the spectral contrastive loss reads.
/// Why the projection: on F's ReLU outputs directly the loss drove every unit to zero within two rounds (measured, 64
/// features on Fashion-MNIST); the experts and gates read F, and the projection is averaged with it but not used after.
/// </summary>
public sealed class ContrastiveModel : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "extractor")]
    private readonly CnnFeatureExtractor _extractor;

    [ComponentName(Name = "projection")]
    private readonly Linear _projection;

    /// <summary>An extractor and a d × d projection, initialised from <paramref name="generator"/>.</summary>
    public ContrastiveModel(CnnFeatureExtractor extractor, Generator generator)
        : base(nameof(ContrastiveModel))
    {
        ArgumentNullException.ThrowIfNull(extractor);
        _extractor = extractor;
        _projection = nn.Linear(extractor.Options.FeatureSize, extractor.Options.FeatureSize);
        RegisterComponents();
        SeededInitialisation.Apply(_projection, generator);
    }

    /// <summary>F, what the experts and gates read.</summary>
    public CnnFeatureExtractor Extractor => _extractor;

    /// <summary>Width d of the projected features.</summary>
    public int Width => _extractor.Options.FeatureSize;

    /// <summary>The projected features [N, d] the contrastive loss reads.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return _projection.forward(_extractor.forward(input)).MoveToOuterDisposeScope();
    }
}
