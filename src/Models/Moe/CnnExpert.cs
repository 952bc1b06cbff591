using EdgeMoE.Models.Nn;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Moe;

/// <summary>
/// A convolutional expert: a <see cref="CnnFeatureExtractor"/> then a linear head to a given number of
/// outputs (class logits, or a hidden state returned to the router).
/// </summary>
public sealed class CnnExpert : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "features")]
    private readonly CnnFeatureExtractor _features;

    [ComponentName(Name = "head")]
    private readonly Linear _head;

    /// <summary>Builds the expert; parameters are drawn from <paramref name="generator"/> body first, head last.</summary>
    public CnnExpert(CnnOptions options, int outputs, Generator generator)
        : base(nameof(CnnExpert))
    {
        ArgumentNullException.ThrowIfNull(options);
        _features = new CnnFeatureExtractor(options, generator);
        _head = nn.Linear(options.FeatureSize, outputs);
        RegisterComponents();
        SeededInitialisation.Apply(_head, generator);
    }

    /// <summary>The convolutional body.</summary>
    public CnnFeatureExtractor Features => _features;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return _head.forward(_features.forward(input)).MoveToOuterDisposeScope();
    }
}
