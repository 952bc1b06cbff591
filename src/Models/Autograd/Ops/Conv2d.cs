using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Autograd;

public static partial class Functional
{
    /// <summary>
    /// 2-D convolution (cross-correlation, as PyTorch): x [N, C, H, W], weight [Cout, C, kh, kw],
    /// bias [Cout] or null → [N, Cout, OH, OW]. Each image is unfolded (im2col, into a reused
    /// per-thread buffer) and multiplied by the weight with the packed GEMM.
    /// </summary>
    public static Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias, int stride = 1, int padding = 0)
    {
        if (x.Rank != 4 || weight.Rank != 4 || x.Shape[1] != weight.Shape[1] || (bias is not null && bias.Length != weight.Shape[0]))
        {
            throw new ArgumentException($"Conv2d: input {TensorShape.Format(x.Shape)}, weight {TensorShape.Format(weight.Shape)} and bias {(bias is null ? "none" : TensorShape.Format(bias.Shape))} do not fit (expected [N, C, H, W], [Cout, C, kh, kw], [Cout])");
        }

        var g = new ConvGeometry(x.Shape[1], x.Shape[2], x.Shape[3], weight.Shape[2], weight.Shape[3], stride, padding);
        g.Validate(nameof(Conv2d));
        int batch = x.Shape[0], outChannels = weight.Shape[0], pixels = g.OutPixels, patch = g.PatchSize;
        var y = Tensor.ForResult(batch, outChannels, g.OutHeight, g.OutWidth);
        var col = ScratchBuffers.Rent(0, patch * pixels);
        var imageSize = g.Channels * g.Height * g.Width;
        for (var n = 0; n < batch; n++)
        {
            var output = y.Span.Slice(n * outChannels * pixels, outChannels * pixels);
            if (bias is not null)
            {
                for (var o = 0; o < outChannels; o++)
                {
                    output.Slice(o * pixels, pixels).Fill(bias.Span[o]);
                }
            }

            Im2Col.Unfold(x.Span.Slice(n * imageSize, imageSize), g, col);
            Gemm.Multiply(false, false, outChannels, pixels, patch, weight.Span, patch, col, pixels, output, pixels, accumulate: bias is not null);
        }

        return Gradients.ShouldRecord(x, weight, bias) ? Gradients.Record(y, new Conv2dNode(x, weight, bias, g)) : y;
    }

    private sealed class Conv2dNode(Tensor x, Tensor weight, Tensor? bias, ConvGeometry g)
        : GradNode(bias is null ? [x, weight] : [x, weight, bias])
    {
        internal override void Backward(Tensor output, Tensor gradOutput)
        {
            int batch = x.Shape[0], outChannels = weight.Shape[0], pixels = g.OutPixels, patch = g.PatchSize;
            var imageSize = g.Channels * g.Height * g.Width;
            var gx = Gradients.Zeroed(x);
            var gw = Gradients.Target(weight, out var freshW);
            var gb = bias is null ? null : Gradients.Zeroed(bias);
            var col = ScratchBuffers.Rent(0, patch * pixels);
            var dcol = gx is null ? null : ScratchBuffers.Rent(1, patch * pixels);
            for (var n = 0; n < batch; n++)
            {
                var dy = gradOutput.Span.Slice(n * outChannels * pixels, outChannels * pixels);
                if (gb is not null)
                {
                    for (var o = 0; o < outChannels; o++)
                    {
                        gb[o] += TensorPrimitives.Sum(dy.Slice(o * pixels, pixels));
                    }
                }

                if (gw is not null)
                {
                    // dW += dY·colᵀ (col recomputed rather than kept for every image).
                    Im2Col.Unfold(x.Span.Slice(n * imageSize, imageSize), g, col);
                    Gemm.Multiply(false, true, outChannels, patch, pixels, dy, pixels, col, pixels, gw, patch, accumulate: !freshW || n > 0);
                }

                if (dcol is not null)
                {
                    // dcol = Wᵀ·dY, folded back onto the image.
                    Gemm.Multiply(true, false, patch, pixels, outChannels, weight.Span, patch, dy, pixels, dcol, pixels);
                    Im2Col.FoldAdd(dcol, g, gx.AsSpan(n * imageSize, imageSize));
                }
            }

            if (gw is not null && freshW && batch == 0)
            {
                Array.Clear(gw, 0, weight.Length);
            }
        }
    }
}
