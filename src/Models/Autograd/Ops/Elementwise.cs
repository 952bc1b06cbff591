using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

/// <summary>Differentiable tensor operations (PyTorch's torch / torch.nn.functional), one concept per file.</summary>
public static partial class Functional
{
    /// <summary>a + b, same shapes.</summary>
    public static Tensor Add(Tensor a, Tensor b)
    {
        RequireSameShape(a, b, nameof(Add));
        var y = Tensor.ForResult(a.Shape.ToArray());
        TensorPrimitives.Add(a.Span, b.Span, y.Span);
        return Gradients.ShouldRecord(a, b) ? Gradients.Record(y, new AddNode(a, b, 1f)) : y;
    }

    /// <summary>a − b, same shapes.</summary>
    public static Tensor Sub(Tensor a, Tensor b)
    {
        RequireSameShape(a, b, nameof(Sub));
        var y = Tensor.ForResult(a.Shape.ToArray());
        TensorPrimitives.Subtract(a.Span, b.Span, y.Span);
        return Gradients.ShouldRecord(a, b) ? Gradients.Record(y, new AddNode(a, b, -1f)) : y;
    }

    /// <summary>a ⊙ b (element-wise product), same shapes.</summary>
    public static Tensor Mul(Tensor a, Tensor b)
    {
        RequireSameShape(a, b, nameof(Mul));
        var y = Tensor.ForResult(a.Shape.ToArray());
        TensorPrimitives.Multiply(a.Span, b.Span, y.Span);
        return Gradients.ShouldRecord(a, b) ? Gradients.Record(y, new MulNode(a, b)) : y;
    }

    /// <summary>s·x for a constant s.</summary>
    public static Tensor Scale(Tensor x, float s)
    {
        var y = Tensor.ForResult(x.Shape.ToArray());
        TensorPrimitives.Multiply(x.Span, s, y.Span);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new ScaleNode(x, s)) : y;
    }

    /// <summary>Row i of x[N×D] times s[i] (s has N elements): weighting expert outputs by gate values.</summary>
    public static Tensor ScaleRows(Tensor x, Tensor s)
    {
        var rows = s.Length;
        if (rows == 0 || x.Length % rows != 0 || x.Size(0) != rows)
        {
            throw new ArgumentException($"ScaleRows: x {x} must have {rows} rows, one per element of s {s}");
        }

        var width = x.Length / rows;
        var y = Tensor.ForResult(x.Shape.ToArray());
        for (var i = 0; i < rows; i++)
        {
            TensorPrimitives.Multiply(x.Span.Slice(i * width, width), s.Span[i], y.Span.Slice(i * width, width));
        }

        return Gradients.ShouldRecord(x, s) ? Gradients.Record(y, new ScaleRowsNode(x, s)) : y;
    }

    private static void RequireSameShape(Tensor a, Tensor b, string op)
    {
        if (!a.Shape.SequenceEqual(b.Shape))
        {
            throw new ArgumentException($"{op}: shapes {TensorShape.Format(a.Shape)} and {TensorShape.Format(b.Shape)} differ");
        }
    }

    private sealed class AddNode(Tensor a, Tensor b, float signB) : GradNode(a, b)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            Gradients.Accumulate(a, gradOutput.Span);
            if (b.RequiresGrad)
            {
                if (signB == 1f)
                {
                    Gradients.Accumulate(b, gradOutput.Span);
                }
                else
                {
                    var gb = Gradients.Zeroed(b)!.AsSpan(0, b.Length);
                    TensorPrimitives.MultiplyAdd(gradOutput.Span, signB, gb, gb);
                }
            }
        }
    }

    private sealed class MulNode(Tensor a, Tensor b) : GradNode(a, b)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            if (Gradients.Zeroed(a) is { } ga)
            {
                TensorPrimitives.MultiplyAdd(gradOutput.Span, b.Span, ga.AsSpan(0, a.Length), ga.AsSpan(0, a.Length));
            }

            if (Gradients.Zeroed(b) is { } gb)
            {
                TensorPrimitives.MultiplyAdd(gradOutput.Span, a.Span, gb.AsSpan(0, b.Length), gb.AsSpan(0, b.Length));
            }
        }
    }

    private sealed class ScaleNode(Tensor x, float s) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!.AsSpan(0, x.Length);
            TensorPrimitives.MultiplyAdd(gradOutput.Span, s, gx, gx);
        }
    }

    private sealed class ScaleRowsNode(Tensor x, Tensor s) : GradNode(x, s)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var rows = s.Length;
            var width = x.Length / rows;
            var gx = Gradients.Zeroed(x);
            var gs = Gradients.Zeroed(s);
            for (var i = 0; i < rows; i++)
            {
                var g = gradOutput.Span.Slice(i * width, width);
                if (gx is not null)
                {
                    var dst = gx.AsSpan(i * width, width);
                    TensorPrimitives.MultiplyAdd(g, s.Span[i], dst, dst);
                }

                if (gs is not null)
                {
                    gs[i] += TensorPrimitives.Dot(g, x.Span.Slice(i * width, width));
                }
            }
        }
    }
}
