using System.Runtime.CompilerServices;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>Max pooling over [N, C, H, W] with a square window (stride defaults to the window, no padding).</summary>
    public static Tensor MaxPool2d(Tensor x, int kernel, int? stride = null) => MaxPool(x, kernel, stride ?? kernel, relu: false);

    /// <summary>
    /// max(MaxPool2d(x), 0), equal to MaxPool2d(Relu(x)) in value and gradient (ReLU is monotone, so it
    /// commutes with max) but one pass over the large pre-pooling tensor instead of three.
    /// </summary>
    public static Tensor ReluMaxPool2d(Tensor x, int kernel, int? stride = null) => MaxPool(x, kernel, stride ?? kernel, relu: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor MaxPool(Tensor x, int kernel, int stride, bool relu)
    {
        var g = PoolGeometry(x, kernel, stride, relu ? nameof(ReluMaxPool2d) : nameof(MaxPool2d));
        int planes = x.Shape[0] * x.Shape[1], oh = g.OutHeight, ow = g.OutWidth, plane = g.Height * g.Width;
        var y = Tensor.ForResult(x.Shape[0], x.Shape[1], oh, ow);
        var record = Gradients.ShouldRecord(x);
        var argmaxStorage = TensorArena.Allocate(y.Length);
        var argmax = AsIndices(argmaxStorage, y.Length);
        var src = x.Span;
        var dst = y.Span;
        for (var p = 0; p < planes; p++)
        {
            var input = src.Slice(p * plane, plane);
            for (var i = 0; i < oh; i++)
            {
                var o = (p * oh * ow) + (i * ow);
                if (kernel == 2 && stride == 2)
                {
                    MaxPoolRow2x2(input.Slice(2 * i * g.Width, 2 * g.Width), g.Width, ow, (p * plane) + (2 * i * g.Width), dst.Slice(o, ow), argmax.Slice(o, ow));
                    continue;
                }

                for (var j = 0; j < ow; j++)
                {
                    var best = float.NegativeInfinity;
                    var where = -1;
                    for (var di = 0; di < kernel; di++)
                    {
                        var rowStart = (((i * stride) + di) * g.Width) + (j * stride);
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

                    dst[o + j] = best;
                    argmax[o + j] = (p * plane) + where;
                }
            }
        }

        if (relu)
        {
            // Clamped windows pass no gradient (index −1); branch-free since about half of them clamp.
            for (var o = 0; o < dst.Length; o++)
            {
                var keep = Unsafe.BitCast<bool, byte>(dst[o] > 0f);
                argmax[o] = ((argmax[o] + 1) * keep) - 1;
                dst[o] = MathF.Max(dst[o], 0f);
            }
        }

        return record ? Gradients.Record(y, new MaxPoolNode(x, argmaxStorage, y.Length)) : y;
    }

    // Two input rows → one output row; the first maximum in row-major window order wins ties, as in PyTorch.
    // Branch-free (flags turned into integers): on real activations the winner is unpredictable.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MaxPoolRow2x2(ReadOnlySpan<float> rows, int width, int outWidth, int baseIndex, Span<float> output, Span<int> argmax)
    {
        var top = rows[..width];
        var bottom = rows.Slice(width, width);
        for (var j = 0; j < outWidth; j++)
        {
            var c = 2 * j;
            float a = top[c], b = top[c + 1], d = bottom[c], e = bottom[c + 1];
            var upperAt = c + Unsafe.BitCast<bool, byte>(b > a);
            var upper = MathF.Max(a, b);
            var lowerAt = width + c + Unsafe.BitCast<bool, byte>(e > d);
            var lower = MathF.Max(d, e);
            var pickLower = Unsafe.BitCast<bool, byte>(lower > upper);
            output[j] = MathF.Max(upper, lower);
            argmax[j] = baseIndex + upperAt + (pickLower * (lowerAt - upperAt));
        }
    }

    /// <summary>Average pooling over [N, C, H, W] with a square window (stride defaults to the window, no padding).</summary>
    public static Tensor AvgPool2d(Tensor x, int kernel, int? stride = null)
    {
        var g = PoolGeometry(x, kernel, stride ?? kernel, nameof(AvgPool2d));
        int planes = x.Shape[0] * x.Shape[1], oh = g.OutHeight, ow = g.OutWidth, plane = g.Height * g.Width;
        var y = Tensor.ForResult(x.Shape[0], x.Shape[1], oh, ow);
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

    // Window winners as indices into the input, kept in (arena) float storage reinterpreted as ints.
    private static Span<int> AsIndices(float[] storage, int length) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<float, int>(storage.AsSpan(0, length));

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

    private sealed class MaxPoolNode(Tensor x, float[] argmaxStorage, int count) : GradNode(x)
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            var gx = Gradients.Zeroed(x)!;
            var dy = gradOutput.Span;
            var argmax = AsIndices(argmaxStorage, count);
            for (var o = 0; o < argmax.Length; o++)
            {
                var at = argmax[o];
                gx[at & ~(at >> 31)] += dy[o] * Unsafe.BitCast<bool, byte>(at >= 0);
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
