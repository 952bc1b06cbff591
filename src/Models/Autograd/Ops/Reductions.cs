using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>Sum of all elements (rank-0 result), accumulated in float64.</summary>
    public static Tensor Sum(Tensor x) => Reduce(x, 1f);

    /// <summary>Mean of all elements (rank-0 result), accumulated in float64.</summary>
    public static Tensor Mean(Tensor x) => Reduce(x, x.Length == 0 ? 0f : 1f / x.Length);

    /// <summary>Sum over dimension <paramref name="dim"/> (removed from the shape).</summary>
    public static Tensor Sum(Tensor x, int dim) => ReduceDim(x, dim, mean: false);

    /// <summary>Mean over dimension <paramref name="dim"/> (removed from the shape).</summary>
    public static Tensor Mean(Tensor x, int dim) => ReduceDim(x, dim, mean: true);

    private static Tensor Reduce(Tensor x, float scale)
    {
        double sum = 0;
        foreach (var v in x.Span)
        {
            sum += v;
        }

        var y = Tensor.Scalar((float)(sum * scale));
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new ReduceNode(x, scale)) : y;
    }

    private static Tensor ReduceDim(Tensor x, int dim, bool mean)
    {
        var d = TensorShape.NormalizeDim(dim, x.Rank);
        var outer = TensorShape.Outer(x.Shape, d);
        var inner = TensorShape.Inner(x.Shape, d);
        var extent = x.Shape[d];
        var shape = x.Shape.ToArray().Where((_, i) => i != d).ToArray();
        var y = Tensor.ForResult(shape);
        var scale = mean && extent > 0 ? 1.0 / extent : 1.0;
        var sums = new double[inner];
        for (var o = 0; o < outer; o++)
        {
            Array.Clear(sums);
            for (var e = 0; e < extent; e++)
            {
                var row = x.Span.Slice(((o * extent) + e) * inner, inner);
                for (var i = 0; i < inner; i++)
                {
                    sums[i] += row[i];
                }
            }

            for (var i = 0; i < inner; i++)
            {
                y.Span[(o * inner) + i] = (float)(sums[i] * scale);
            }
        }

        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new ReduceDimNode(x, d, (float)scale)) : y;
    }

    private sealed class ReduceNode(Tensor x, float scale) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var g = Gradients.Zeroed(x)!.AsSpan(0, x.Length);
            TensorPrimitives.Add(g, gradOutput.Span[0] * scale, g);
        }
    }

    private sealed class ReduceDimNode(Tensor x, int dim, float scale) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var g = Gradients.Zeroed(x)!;
            var outer = TensorShape.Outer(x.Shape, dim);
            var inner = TensorShape.Inner(x.Shape, dim);
            var extent = x.Shape[dim];
            for (var o = 0; o < outer; o++)
            {
                var src = gradOutput.Span.Slice(o * inner, inner);
                for (var e = 0; e < extent; e++)
                {
                    var dst = g.AsSpan(((o * extent) + e) * inner, inner);
                    TensorPrimitives.MultiplyAdd(src, scale, dst, dst);
                }
            }
        }
    }
}
