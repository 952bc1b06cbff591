using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>
    /// y = x·Wᵀ + b over the last dimension: x [..., in], weight [out, in], bias [out] or null → [..., out]
    /// (PyTorch's F.linear).
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias)
    {
        if (weight.Rank != 2 || x.Rank < 1 || x.Size(-1) != weight.Shape[1] || (bias is not null && bias.Length != weight.Shape[0]))
        {
            throw new ArgumentException($"Linear: input {TensorShape.Format(x.Shape)}, weight {TensorShape.Format(weight.Shape)} and bias {(bias is null ? "none" : TensorShape.Format(bias.Shape))} do not fit");
        }

        int features = weight.Shape[1], outputs = weight.Shape[0];
        var rows = x.Length / Math.Max(features, 1);
        var shape = x.Shape.ToArray();
        shape[^1] = outputs;
        var y = Tensor.ForResult(shape);
        if (bias is not null)
        {
            for (var r = 0; r < rows; r++)
            {
                bias.Span.CopyTo(y.Span.Slice(r * outputs, outputs));
            }
        }

        Gemm.Multiply(false, true, rows, outputs, features, x.Span, features, weight.Span, features, y.Span, outputs, accumulate: bias is not null);
        return Gradients.ShouldRecord(x, weight, bias) ? Gradients.Record(y, new LinearNode(x, weight, bias, rows)) : y;
    }

    private sealed class LinearNode(Tensor x, Tensor weight, Tensor? bias, int rows)
        : GradNode(bias is null ? [x, weight] : [x, weight, bias])
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            int features = weight.Shape[1], outputs = weight.Shape[0];
            var dy = gradOutput.Span;
            if (Gradients.Target(x, out var freshX) is { } gx)
            {
                Gemm.Multiply(false, false, rows, features, outputs, dy, outputs, weight.Span, features, gx, features, accumulate: !freshX);
            }

            if (Gradients.Target(weight, out var freshW) is { } gw)
            {
                Gemm.Multiply(true, false, outputs, features, rows, dy, outputs, x.Span, features, gw, features, accumulate: !freshW);
            }

            if (bias is not null && Gradients.Zeroed(bias) is { } gb)
            {
                var sum = gb.AsSpan(0, outputs);
                for (var r = 0; r < rows; r++)
                {
                    TensorPrimitives.Add(sum, dy.Slice(r * outputs, outputs), sum);
                }
            }
        }
    }
}
