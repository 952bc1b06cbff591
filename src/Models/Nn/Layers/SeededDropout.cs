using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Nn;

/// <summary>Inverted dropout with probability p, active only in training mode; its masks come from the network's own generator.</summary>
public sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly Generator _generator;

    /// <summary>Zeroes each element with <paramref name="probability"/> in [0, 1) and scales the rest by 1/(1 − p).</summary>
    public SeededDropout(double probability, Generator generator)
        : base(nameof(SeededDropout))
    {
        if (probability is < 0 or >= 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "dropout probability must be in [0, 1)");
        }

        Probability = probability;
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
    }

    /// <summary>Probability of zeroing an element.</summary>
    public double Probability { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!training || Probability == 0)
        {
            return input.alias();
        }

        using var draw = torch.rand(input.shape, dtype: input.dtype, generator: _generator);
        // Scalars made explicitly and kept until libtorch returned: an implicit one can be finalized mid-call (see PinnedScalarAdam).
        using var threshold = Probability.ToScalar();
        using var scale = (1 - Probability).ToScalar();
        using var keep = draw.ge(threshold);
        using var kept = input.mul(keep); // named, so a collection cannot free it while div reads it
        return kept.div(scale);
    }
}
