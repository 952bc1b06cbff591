using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor x)
    {
        var y = Tensor.ForResult(x.Shape.ToArray());
        TensorPrimitives.Max(x.Span, 0f, y.Span);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new ReluNode(x)) : y;
    }

    /// <summary>tanh(x).</summary>
    public static Tensor Tanh(Tensor x)
    {
        var y = Tensor.ForResult(x.Shape.ToArray());
        TensorPrimitives.Tanh(x.Span, y.Span);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new OutputSlopeNode(x, static t => 1 - (t * t))) : y;
    }

    /// <summary>1 / (1 + e^(−x)).</summary>
    public static Tensor Sigmoid(Tensor x)
    {
        var y = Tensor.ForResult(x.Shape.ToArray());
        TensorPrimitives.Sigmoid(x.Span, y.Span);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new OutputSlopeNode(x, static s => s * (1 - s))) : y;
    }

    /// <summary>GELU: x·Φ(x) with the exact normal CDF, or PyTorch's tanh approximation when <paramref name="tanhApproximation"/>.</summary>
    public static Tensor Gelu(Tensor x, bool tanhApproximation = false)
    {
        var y = Tensor.ForResult(x.Shape.ToArray());
        var src = x.Span;
        var dst = y.Span;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = (float)GeluValue(src[i], tanhApproximation);
        }

        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new GeluNode(x, tanhApproximation)) : y;
    }

    private const double SqrtTwoOverPi = 0.7978845608028654;
    private const double GeluCubic = 0.044715;

    private static double GeluValue(double v, bool tanh) => tanh
        ? 0.5 * v * (1 + Math.Tanh(SqrtTwoOverPi * (v + (GeluCubic * v * v * v))))
        : 0.5 * v * (1 + MathNet.Numerics.SpecialFunctions.Erf(v / Math.Sqrt(2)));

    private static double GeluDerivative(double v, bool tanh)
    {
        if (tanh)
        {
            var inner = SqrtTwoOverPi * (v + (GeluCubic * v * v * v));
            var t = Math.Tanh(inner);
            return (0.5 * (1 + t)) + (0.5 * v * (1 - (t * t)) * SqrtTwoOverPi * (1 + (3 * GeluCubic * v * v)));
        }

        var cdf = 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(v / Math.Sqrt(2)));
        var pdf = Math.Exp(-0.5 * v * v) / Math.Sqrt(2 * Math.PI);
        return cdf + (v * pdf);
    }

    private sealed class ReluNode(Tensor x) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var target = Gradients.Target(x, out var fresh)!;
            var gx = target.AsSpan(0, x.Length);
            var dy = gradOutput.Span;
            var input = x.Span;
            var i = 0;
            var width = Vector<float>.Count;
            for (; i <= gx.Length - width; i += width)
            {
                var pass = Vector.GreaterThan(new Vector<float>(input[i..]), Vector<float>.Zero);
                var g = Vector.ConditionalSelect(pass, new Vector<float>(dy[i..]), Vector<float>.Zero);
                (fresh ? g : g + new Vector<float>(gx[i..])).CopyTo(gx[i..]);
            }

            for (; i < gx.Length; i++)
            {
                var g = input[i] > 0 ? dy[i] : 0f;
                gx[i] = fresh ? g : gx[i] + g;
            }
        }
    }

    // Tanh and sigmoid: the derivative is a function of the output alone (1 − y², y(1 − y)).
    private sealed class OutputSlopeNode(Tensor x, Func<float, float> slope) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!;
            var y = output.Span;
            var dy = gradOutput.Span;
            for (var i = 0; i < y.Length; i++)
            {
                gx[i] += dy[i] * slope(y[i]);
            }
        }
    }

    private sealed class GeluNode(Tensor x, bool tanh) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!;
            var input = x.Span;
            var dy = gradOutput.Span;
            for (var i = 0; i < input.Length; i++)
            {
                gx[i] += (float)(dy[i] * GeluDerivative(input[i], tanh));
            }
        }
    }
}
