using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>Max pooling over [N, C, H, W] with a square window (stride defaults to the window, no padding).</summary>
    public static Tensor MaxPool2d(Tensor x, int kernel, int? stride = null)
    {
        var g = PoolGeometry(x, kernel, stride ?? kernel, nameof(MaxPool2d));
        int planes = x.Shape[0] * x.Shape[1], oh = g.OutHeight, ow = g.OutWidth, plane = g.Height * g.Width;
        var y = Tensor.Uninitialized(x.Shape[0], x.Shape[1], oh, ow);
        var record = Gradients.ShouldRecord(x);
        var argmax = record ? GC.AllocateUninitializedArray<int>(y.Length) : null;
        var src = x.Span;
        var dst = y.Span;
        for (var p = 0; p < planes; p++)
        {
            var input = src.Slice(p * plane, plane);
            for (var i = 0; i < oh; i++)
            {
                for (var j = 0; j < ow; j++)
                {
                    var best = float.NegativeInfinity;
                    var where = -1;
                    for (var di = 0; di < kernel; di++)
                    {
                        var rowStart = (((i * g.Stride) + di) * g.Width) + (j * g.Stride);
                        for (var dj = 0; dj < kernel; dj++)
                        {
                            var v = input[rowStart + dj];
                            if (v > best || where < 0 || float.IsNaN(v))
                            {
                                best = v;
                                where = rowStart + dj;
                            }
                        }
                    }

                    var o = (p * oh * ow) + (i * ow) + j;
                    dst[o] = best;
                    if (argmax is not null)
                    {
                        argmax[o] = (p * plane) + where;
                    }
                }
            }
        }

        return record ? Gradients.Record(y, new MaxPoolNode(x, argmax!)) : y;
    }

    /// <summary>Average pooling over [N, C, H, W] with a square window (stride defaults to the window, no padding).</summary>
    public static Tensor AvgPool2d(Tensor x, int kernel, int? stride = null)
    {
        var g = PoolGeometry(x, kernel, stride ?? kernel, nameof(AvgPool2d));
        int planes = x.Shape[0] * x.Shape[1], oh = g.OutHeight, ow = g.OutWidth, plane = g.Height * g.Width;
        var y = Tensor.Uninitialized(x.Shape[0], x.Shape[1], oh, ow);
        var scale = 1f / (kernel * kernel);
        for (var p = 0; p < planes; p++)
        {
            var input = x.Span.Slice(p * plane, plane);
            for (var i = 0; i < oh; i++)
            {
                for (var j = 0; j < ow; j++)
                {
                    var sum = 0f;
                    for (var di = 0; di < kernel; di++)
                    {
                        var rowStart = (((i * g.Stride) + di) * g.Width) + (j * g.Stride);
                        for (var dj = 0; dj < kernel; dj++)
                        {
                            sum += input[rowStart + dj];
                        }
                    }

                    y.Span[(p * oh * ow) + (i * ow) + j] = sum * scale;
                }
            }
        }

        return Gradients.ShouldRecord(x) ? Gradients.Record(y, new AvgPoolNode(x, g, kernel)) : y;
    }

    private static ConvGeometry PoolGeometry(Tensor x, int kernel, int stride, string op)
    {
        if (x.Rank != 4)
        {
            throw new ArgumentException($"{op}: input must be [N, C, H, W], got {TensorShape.Format(x.Shape)}");
        }

        var g = new ConvGeometry(x.Shape[1], x.Shape[2], x.Shape[3], kernel, kernel, stride, 0);
        g.Validate(op);
        return g;
    }

    private sealed class MaxPoolNode(Tensor x, int[] argmax) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!;
            var dy = gradOutput.Span;
            for (var o = 0; o < argmax.Length; o++)
            {
                gx[argmax[o]] += dy[o];
            }
        }
    }

    private sealed class AvgPoolNode(Tensor x, ConvGeometry g, int kernel) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!;
            int planes = x.Shape[0] * x.Shape[1], oh = g.OutHeight, ow = g.OutWidth, plane = g.Height * g.Width;
            var scale = 1f / (kernel * kernel);
            for (var p = 0; p < planes; p++)
            {
                for (var i = 0; i < oh; i++)
                {
                    for (var j = 0; j < ow; j++)
                    {
                        var share = gradOutput.Span[(p * oh * ow) + (i * ow) + j] * scale;
                        for (var di = 0; di < kernel; di++)
                        {
                            var rowStart = (p * plane) + ((((i * g.Stride) + di) * g.Width) + (j * g.Stride));
                            for (var dj = 0; dj < kernel; dj++)
                            {
                                gx[rowStart + dj] += share;
                            }
                        }
                    }
                }
            }
        }
    }
}
