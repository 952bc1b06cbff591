using EdgeMoE.Models.Autograd;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Nn;

/// <summary>Inverted dropout with probability p, active only in training mode; its mask stream is seeded.</summary>
public sealed class Dropout(float probability, int seed) : Module
{
    private readonly Random _random = new(seed);

    /// <summary>Probability of zeroing an element.</summary>
    public float Probability { get; } = probability;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, Probability, _random, IsTraining);
}
