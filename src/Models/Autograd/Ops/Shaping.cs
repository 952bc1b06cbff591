using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>A view of x with a new shape (one extent may be −1); shares storage.</summary>
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        var resolved = TensorShape.Infer(shape, x.Length);
        var y = new Tensor(x.Storage, resolved);
        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new ReshapeNode(x)) : y;
    }

    /// <summary>Flattens all dimensions after the first: [N, ...] → [N, rest] (a view).</summary>
    public static Tensor Flatten(Tensor x) => Reshape(x, x.Size(0), -1);

    /// <summary>Concatenates tensors along <paramref name="dim"/>; other extents must agree.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int dim)
    {
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Concat needs at least one tensor", nameof(tensors));
        }

        var first = tensors[0];
        var d = TensorShape.NormalizeDim(dim, first.Rank);
        var shape = first.Shape.ToArray();
        var total = 0;
        foreach (var t in tensors)
        {
            if (t.Rank != first.Rank)
            {
                throw new ArgumentException($"Concat: ranks differ ({TensorShape.Format(first.Shape)} vs {TensorShape.Format(t.Shape)})");
            }

            for (var i = 0; i < t.Rank; i++)
            {
                if (i != d && t.Shape[i] != shape[i])
                {
                    throw new ArgumentException($"Concat along {d}: shapes {TensorShape.Format(first.Shape)} and {TensorShape.Format(t.Shape)} differ in dimension {i}");
                }
            }

            total += t.Shape[d];
        }

        shape[d] = total;
        var y = Tensor.ForResult(shape);
        var outer = TensorShape.Outer(shape, d);
        var inner = TensorShape.Inner(shape, d);
        var offset = 0;
        foreach (var t in tensors)
        {
            var width = t.Shape[d] * inner;
            for (var o = 0; o < outer; o++)
            {
                t.Span.Slice(o * width, width).CopyTo(y.Span.Slice((o * total * inner) + offset, width));
            }

            offset += width;
        }

        var record = NoGrad.IsRecording && tensors.Any(t => t.RequiresGrad);
        return record ? Gradients.Record(y, new ConcatNode([.. tensors], d)) : y;
    }

    /// <summary>Splits x along <paramref name="dim"/> into pieces of the given extents (summing to the extent).</summary>
    public static Tensor[] Split(Tensor x, IReadOnlyList<int> sizes, int dim)
    {
        var d = TensorShape.NormalizeDim(dim, x.Rank);
        if (sizes.Sum() != x.Shape[d] || sizes.Any(s => s < 0))
        {
            throw new ArgumentException($"Split: sizes [{string.Join(", ", sizes)}] do not add up to extent {x.Shape[d]} of dimension {d}");
        }

        var outer = TensorShape.Outer(x.Shape, d);
        var inner = TensorShape.Inner(x.Shape, d);
        var total = x.Shape[d];
        var pieces = new Tensor[sizes.Count];
        var start = 0;
        for (var p = 0; p < sizes.Count; p++)
        {
            var shape = x.Shape.ToArray();
            shape[d] = sizes[p];
            var piece = Tensor.ForResult(shape);
            var width = sizes[p] * inner;
            for (var o = 0; o < outer; o++)
            {
                x.Span.Slice((o * total * inner) + start, width).CopyTo(piece.Span.Slice(o * width, width));
            }

            pieces[p] = Gradients.ShouldRecord(x) ? Gradients.Record(piece, new SliceNode(x, d, start / inner, sizes[p])) : piece;
            start += width;
        }

        return pieces;
    }

    private sealed class ReshapeNode(Tensor x) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput) => Gradients.Accumulate(x, gradOutput.Span);
    }

    private sealed class ConcatNode(Tensor[] parts, int dim) : GradNode(parts)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var outer = TensorShape.Outer(output.Shape, dim);
            var inner = TensorShape.Inner(output.Shape, dim);
            var total = output.Shape[dim];
            var offset = 0;
            foreach (var t in Inputs)
            {
                var width = t.Shape[dim] * inner;
                if (Gradients.Zeroed(t) is { } g)
                {
                    for (var o = 0; o < outer; o++)
                    {
                        var src = gradOutput.Span.Slice((o * total * inner) + offset, width);
                        var dst = g.AsSpan(o * width, width);
                        System.Numerics.Tensors.TensorPrimitives.Add(dst, src, dst);
                    }
                }

                offset += width;
            }
        }
    }

    private sealed class SliceNode(Tensor x, int dim, int start, int size) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var g = Gradients.Zeroed(x)!;
            var outer = TensorShape.Outer(x.Shape, dim);
            var inner = TensorShape.Inner(x.Shape, dim);
            var total = x.Shape[dim];
            var width = size * inner;
            for (var o = 0; o < outer; o++)
            {
                var dst = g.AsSpan((o * total * inner) + (start * inner), width);
                System.Numerics.Tensors.TensorPrimitives.Add(dst, gradOutput.Span.Slice(o * width, width), dst);
            }
        }
    }
}
