using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>Softmax over the last dimension (max-shifted for stability).</summary>
    public static Tensor Softmax(Tensor x)
    {
        var y = RowWise(x, SoftmaxRow);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new SoftmaxNode(x, x.Size(-1))) : y;
    }

    /// <summary>log softmax over the last dimension: x − max − log Σ exp(x − max).</summary>
    public static Tensor LogSoftmax(Tensor x)
    {
        var y = RowWise(x, LogSoftmaxRow);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new LogSoftmaxNode(x, x.Size(-1))) : y;
    }

    private delegate void RowKernel(ReadOnlySpan<float> row, Span<float> result);

    private static Tensor RowWise(Tensor x, RowKernel kernel)
    {
        var y = Tensor.ForResult(x.Shape.ToArray());
        var width = x.Size(-1);
        for (var r = 0; r < x.Length / Math.Max(width, 1); r++)
        {
            kernel(x.Span.Slice(r * width, width), y.Span.Slice(r * width, width));
        }

        return y;
    }

    internal static void SoftmaxRow(ReadOnlySpan<float> x, Span<float> y)
    {
        var max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        var sum = TensorPrimitives.Sum(y);
        TensorPrimitives.Divide(y, sum, y);
    }

    internal static void LogSoftmaxRow(ReadOnlySpan<float> x, Span<float> y)
    {
        var max = TensorPrimitives.Max(x);
        double sum = 0;
        foreach (var v in x)
        {
            sum += Math.Exp(v - max);
        }

        TensorPrimitives.Subtract(x, max + (float)Math.Log(sum), y);
    }

    private sealed class SoftmaxNode(Tensor x, int width) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!;
            for (var r = 0; r < x.Length / width; r++)
            {
                var y = output.Span.Slice(r * width, width);
                var dy = gradOutput.Span.Slice(r * width, width);
                var dot = TensorPrimitives.Dot(y, dy);
                for (var i = 0; i < width; i++)
                {
                    gx[(r * width) + i] += y[i] * (dy[i] - dot);
                }
            }
        }
    }

    private sealed class LogSoftmaxNode(Tensor x, int width) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!;
            for (var r = 0; r < x.Length / width; r++)
            {
                var y = output.Span.Slice(r * width, width);
                var dy = gradOutput.Span.Slice(r * width, width);
                var total = TensorPrimitives.Sum(dy);
                for (var i = 0; i < width; i++)
                {
                    gx[(r * width) + i] += dy[i] - (MathF.Exp(y[i]) * total);
                }
            }
        }
    }
}
