using System.Numerics.Tensors;

namespace EdgeMoE.Models.Data;

/// <summary>
/// An immutable set of labelled images held in one contiguous N×C×H×W row-major float buffer with
/// pixel values in [0, 1] (the layout of a PyTorch image batch, so a batch is a plain slice).
/// </summary>
public sealed class LabeledImages
{
    /// <summary>
    /// Wraps the given buffers (no copy). Throws <see cref="ArgumentException"/> when the sizes do not
    /// agree, a label is outside [0, <paramref name="classes"/>) or a pixel is outside [0, 1] or NaN.
    /// </summary>
    /// <param name="pixels">N·C·H·W values in [0, 1], image after image, channel-major inside an image.</param>
    /// <param name="labels">N class indices in [0, <paramref name="classes"/>).</param>
    /// <param name="channels">Channels per image, ≥ 1.</param>
    /// <param name="height">Rows per image, ≥ 1.</param>
    /// <param name="width">Columns per image, ≥ 1.</param>
    /// <param name="classes">Number of classes, ≥ 1.</param>
    public LabeledImages(float[] pixels, int[] labels, int channels, int height, int width, int classes)
        : this(pixels, labels, channels, height, width, classes, checkPixels: true)
    {
    }

    /// <summary>
    /// The constructor proper; producers whose pixels lie in [0, 1] by construction (x / 255, clamped
    /// noise, copies of checked pixels) skip the scan, which costs tens of milliseconds on 47 M pixels.
    /// </summary>
    private LabeledImages(float[] pixels, int[] labels, int channels, int height, int width, int classes, bool checkPixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);

        var imageSize = (long)channels * height * width;
        if (imageSize * labels.Length != pixels.LongLength)
        {
            throw new ArgumentException(
                $"{labels.Length} labels of {channels}×{height}×{width} images need {imageSize * labels.Length} pixels, got {pixels.LongLength}.",
                nameof(pixels));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"Label {labels[i]} of image {i} is outside [0, {classes}).", nameof(labels));
            }
        }

        if (checkPixels && pixels.Length > 0)
        {
            // Min/Max propagate NaN, so one pass also rejects NaN pixels.
            var min = TensorPrimitives.Min<float>(pixels);
            var max = TensorPrimitives.Max<float>(pixels);
            if (!(min >= 0f && max <= 1f))
            {
                throw new ArgumentException($"Pixels must lie in [0, 1]; found the range [{min}, {max}].", nameof(pixels));
            }
        }

        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        Classes = classes;
        ImageSize = (int)imageSize;
    }

    /// <summary>Number of images N.</summary>
    public int Count => Labels.Length;

    /// <summary>Channels per image C.</summary>
    public int Channels { get; }

    /// <summary>Rows per image H.</summary>
    public int Height { get; }

    /// <summary>Columns per image W.</summary>
    public int Width { get; }

    /// <summary>Number of classes; every label lies in [0, Classes).</summary>
    public int Classes { get; }

    /// <summary>Values per image, C·H·W.</summary>
    public int ImageSize { get; }

    /// <summary>All pixels, N×C×H×W row-major, values in [0, 1]. Treat as read-only.</summary>
    public float[] Pixels { get; }

    /// <summary>The class of each image, in [0, Classes). Treat as read-only.</summary>
    public int[] Labels { get; }

    /// <summary>The C×H×W pixels of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new ReadOnlySpan<float>(Pixels, index * ImageSize, ImageSize);
    }

    /// <summary>A new set holding copies of the given images, in the given order (repeats allowed).</summary>
    public LabeledImages Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var order = indices as int[] ?? [.. indices];
        var pixels = new float[(long)order.Length * ImageSize];
        var labels = new int[order.Length];
        Gather(order, pixels, labels);
        return new LabeledImages(pixels, labels, Channels, Height, Width, Classes, checkPixels: false);
    }

    /// <summary>For producers that guarantee pixels in [0, 1]; sizes and labels are still checked.</summary>
    internal static LabeledImages WithPixelsInRange(float[] pixels, int[] labels, int channels, int height, int width, int classes) =>
        new(pixels, labels, channels, height, width, classes, checkPixels: false);

    /// <summary>
    /// Copies the images and labels at <paramref name="indices"/> into caller-owned buffers, so a training
    /// loop can assemble shuffled mini-batches without allocating: <paramref name="pixels"/> receives
    /// indices.Length·<see cref="ImageSize"/> values, <paramref name="labels"/> indices.Length labels.
    /// </summary>
    public void Gather(ReadOnlySpan<int> indices, Span<float> pixels, Span<int> labels)
    {
        if (pixels.Length < (long)indices.Length * ImageSize || labels.Length < indices.Length)
        {
            throw new ArgumentException(
                $"{indices.Length} images need {(long)indices.Length * ImageSize} pixels and {indices.Length} labels; the buffers hold {pixels.Length} and {labels.Length}.");
        }

        for (var i = 0; i < indices.Length; i++)
        {
            var source = indices[i];
            if ((uint)source >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Index {source} at position {i} is outside [0, {Count}).");
            }

            Pixels.AsSpan(source * ImageSize, ImageSize).CopyTo(pixels.Slice(i * ImageSize, ImageSize));
            labels[i] = Labels[source];
        }
    }

    /// <summary>How many images of each class the set holds (length <see cref="Classes"/>).</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes];
        foreach (var label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }
}
