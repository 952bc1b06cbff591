using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// An end-to-end classifier H(F(x)) split into the shallow feature extractor F and the deep predictor H, so that FedCE
/// can average F alone and keep H on the client.
/// </summary>
public sealed class NmoeClassifier : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "extractor")]
    private readonly CnnFeatureExtractor _extractor;

    [ComponentName(Name = "head")]
    private readonly MlpExpert _head;

    /// <summary>Joins <paramref name="extractor"/> and <paramref name="head"/> (the classifier owns both).</summary>
    public NmoeClassifier(CnnFeatureExtractor extractor, MlpExpert head)
        : base(nameof(NmoeClassifier))
    {
        _extractor = extractor;
        _head = head;
        RegisterComponents();
    }

    /// <summary>F, images [N, C, H, W] → features [N, FeatureSize].</summary>
    public CnnFeatureExtractor Extractor => _extractor;

    /// <summary>H, features → logits [N, classes].</summary>
    public MlpExpert Head => _head;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return _head.forward(_extractor.forward(input)).MoveToOuterDisposeScope();
    }
}
