using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Inverted dropout: zeroes each element with probability p (drawn from <paramref name="random"/>)
    /// and scales survivors by 1/(1 − p). Identity when not <paramref name="training"/> or p = 0.
    /// </summary>
    public static Tensor Dropout(Tensor x, float p, Random random, bool training = true)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (p is < 0f or >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(p), $"dropout probability {p} must be in [0, 1)");
        }

        if (!training || p == 0f)
        {
            return x;
        }

        var mask = new float[x.Length];
        var keep = 1f / (1f - p);
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextDouble() >= p ? keep : 0f;
        }

        var y = Tensor.ForResult(x.Shape.ToArray());
        System.Numerics.Tensors.TensorPrimitives.Multiply(x.Span, mask, y.Span);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new DropoutNode(x, mask)) : y;
    }

    private sealed class DropoutNode(Tensor x, float[] mask) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!.AsSpan(0, x.Length);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(gradOutput.Span, mask, gx, gx);
        }
    }
}
