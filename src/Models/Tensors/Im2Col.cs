namespace EdgeMoE.Models.Tensors;

/// <summary>
/// Unfolds one [C, H, W] image into the [C·kh·kw, OH·OW] patch matrix whose product with the
/// [Cout, C·kh·kw] weight is the convolution, and folds gradients back (col2im, summing overlaps).
/// </summary>
public static class Im2Col
{
    /// <summary>col[(c, i, j), (oh, ow)] = x[c, oh·s − p + i, ow·s − p + j] (0 outside the image).</summary>
    public static void Unfold(ReadOnlySpan<float> image, in ConvGeometry g, Span<float> col)
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
                    var dst = col.Slice(row * pixels, pixels);
                    for (var y = 0; y < oh; y++)
                    {
                        var ih = (y * g.Stride) - g.Padding + i;
                        var line = dst.Slice(y * ow, ow);
                        if ((uint)ih >= (uint)g.Height)
                        {
                            line.Clear();
                            continue;
                        }

                        var src = plane.Slice(ih * g.Width, g.Width);
                        if (g.Stride == 1)
                        {
                            // Contiguous run [first, last) inside the image, zeros on either side.
                            var offset = j - g.Padding;
                            var first = Math.Max(0, -offset);
                            var last = Math.Min(ow, g.Width - offset);
                            line[..first].Clear();
                            if (last > first)
                            {
                                src.Slice(first + offset, last - first).CopyTo(line[first..last]);
                            }

                            line[Math.Max(first, last)..].Clear();
                        }
                        else
                        {
                            for (var x = 0; x < ow; x++)
                            {
                                var iw = (x * g.Stride) - g.Padding + j;
                                line[x] = (uint)iw < (uint)g.Width ? src[iw] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>image[c, ih, iw] += col[(c, i, j), (oh, ow)] for every patch position that reads (ih, iw).</summary>
    public static void FoldAdd(ReadOnlySpan<float> col, in ConvGeometry g, Span<float> image)
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
                    var src = col.Slice(row * pixels, pixels);
                    for (var y = 0; y < oh; y++)
                    {
                        var ih = (y * g.Stride) - g.Padding + i;
                        if ((uint)ih >= (uint)g.Height)
                        {
                            continue;
                        }

                        var line = src.Slice(y * ow, ow);
                        var dst = plane.Slice(ih * g.Width, g.Width);
                        if (g.Stride == 1)
                        {
                            var offset = j - g.Padding;
                            var first = Math.Max(0, -offset);
                            var last = Math.Min(ow, g.Width - offset);
                            if (last > first)
                            {
                                var target = dst.Slice(first + offset, last - first);
                                System.Numerics.Tensors.TensorPrimitives.Add(target, line[first..last], target);
                            }
                        }
                        else
                        {
                            for (var x = 0; x < ow; x++)
                            {
                                var iw = (x * g.Stride) - g.Padding + j;
                                if ((uint)iw < (uint)g.Width)
                                {
                                    dst[iw] += line[x];
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
