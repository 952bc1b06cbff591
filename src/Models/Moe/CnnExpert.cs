using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// A convolutional expert: a <see cref="CnnFeatureExtractor"/> then a linear head to a given number of
/// outputs (class logits, or a hidden state returned to the router).
/// </summary>
public sealed class CnnExpert : Module
{
    /// <summary>Builds the expert; parameters are drawn from <paramref name="random"/> body first, head last.</summary>
    public CnnExpert(CnnOptions options, int outputs, Random random)
    {
        Features = RegisterModule("features", new CnnFeatureExtractor(options, random));
        Head = RegisterModule("head", new Linear(options.FeatureSize, outputs, random));
    }

    /// <summary>The convolutional body.</summary>
    public CnnFeatureExtractor Features { get; }

    /// <summary>The output layer.</summary>
    public Linear Head { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Head.Forward(Features.Forward(input));
}
