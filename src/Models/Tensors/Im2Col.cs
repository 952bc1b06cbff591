using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeMoE.Models.Tensors;

/// <summary>
/// Unfolds one [C, H, W] image into the [C·kh·kw, OH·OW] patch matrix whose product with the
/// [Cout, C·kh·kw] weight is the convolution, and folds gradients back (col2im, summing overlaps).
/// Both walk the same correspondence between patch cells and pixels; only the transfer differs.
/// </summary>
public static class Im2Col
{
    /// <summary>col[(c, i, j), (oh, ow)] = x[c, oh·s − p + i, ow·s − p + j] (0 outside the image).</summary>
    public static void Unfold(ReadOnlySpan<float> image, in ConvGeometry g, Span<float> col) =>
        Walk(col, g, MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(image), image.Length), default(Gather));

    /// <summary>image[c, ih, iw] += col[(c, i, j), (oh, ow)] for every patch position that reads (ih, iw).</summary>
    public static void FoldAdd(ReadOnlySpan<float> col, in ConvGeometry g, Span<float> image) =>
        Walk(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(col), col.Length), g, image, default(ScatterAdd));

    // For stride 1 each patch row reads one contiguous run of an image row, with padding on either side.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Walk<TTransfer>(Span<float> col, in ConvGeometry g, Span<float> image, TTransfer transfer)
        where TTransfer : struct, ITransfer
    {
        int oh = g.OutHeight, ow = g.OutWidth, pixels = oh * ow;
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var plane = image.Slice(c * g.Height * g.Width, g.Height * g.Width);
            for (var i = 0; i < g.KernelHeight; i++)
            {
                for (var j = 0; j < g.KernelWidth; j++, row++)
                {
                    var cells = col.Slice(row * pixels, pixels);
                    for (var y = 0; y < oh; y++)
                    {
                        var ih = (y * g.Stride) - g.Padding + i;
                        var line = cells.Slice(y * ow, ow);
                        if ((uint)ih >= (uint)g.Height)
                        {
                            transfer.Padding(line);
                            continue;
                        }

                        var source = plane.Slice(ih * g.Width, g.Width);
                        if (g.Stride == 1)
                        {
                            var offset = j - g.Padding;
                            var first = Math.Max(0, -offset);
                            var last = Math.Min(ow, g.Width - offset);
                            transfer.Padding(line[..first]);
                            if (last > first)
                            {
                                transfer.Run(line[first..last], source.Slice(first + offset, last - first));
                            }

                            transfer.Padding(line[Math.Max(first, last)..]);
                            continue;
                        }

                        for (var x = 0; x < ow; x++)
                        {
                            var iw = (x * g.Stride) - g.Padding + j;
                            if ((uint)iw < (uint)g.Width)
                            {
                                transfer.Run(line.Slice(x, 1), source.Slice(iw, 1));
                            }
                            else
                            {
                                transfer.Padding(line.Slice(x, 1));
                            }
                        }
                    }
                }
            }
        }
    }

    private interface ITransfer
    {
        /// <summary>Patch cells that read pixels.</summary>
        void Run(Span<float> cells, Span<float> pixels);

        /// <summary>Patch cells that fall on the zero padding.</summary>
        void Padding(Span<float> cells);
    }

    private readonly struct Gather : ITransfer
    {
        public void Run(Span<float> cells, Span<float> pixels) => pixels.CopyTo(cells);

        public void Padding(Span<float> cells) => cells.Clear();
    }

    private readonly struct ScatterAdd : ITransfer
    {
        public void Run(Span<float> cells, Span<float> pixels) => System.Numerics.Tensors.TensorPrimitives.Add(pixels, cells, pixels);

        public void Padding(Span<float> cells)
        {
        }
    }
}
