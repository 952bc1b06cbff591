using MathNet.Numerics.Distributions;

namespace EdgeMoE.Models.Data;

/// <summary>
/// Synthetic labelled images for fast tests and for <c>--dataset synthetic</c>: each class has a smooth
/// random prototype image and a sample is its prototype plus i.i.d. Gaussian pixel noise, clamped to
/// [0, 1]. Prototypes share half of their pattern, so the classes overlap as the noise grows: a linear
/// model learns them, yet not trivially.
/// </summary>
public static class SyntheticImages
{
    private const int BlobsPerPattern = 4;

    /// <summary>
    /// Generates <paramref name="count"/> images of <paramref name="classes"/> balanced classes (class
    /// sizes differ by at most one), in random order, deterministically from <paramref name="seed"/>.
    /// </summary>
    /// <param name="count">Number of images, ≥ 0.</param>
    /// <param name="classes">Number of classes, ≥ 1.</param>
    /// <param name="channels">Channels per image, ≥ 1.</param>
    /// <param name="height">Rows per image, ≥ 1.</param>
    /// <param name="width">Columns per image, ≥ 1.</param>
    /// <param name="noise">Standard deviation of the pixel noise, ≥ 0, in pixel units (pixels lie in [0, 1]).</param>
    /// <param name="seed">Seed of the generator; the same arguments give bit-identical images.</param>
    public static LabeledImages GaussianClusters(int count, int classes, int channels, int height, int width, double noise, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (!(noise >= 0 && double.IsFinite(noise)))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "The noise must be a finite standard deviation ≥ 0.");
        }

        var random = new Random(seed);
        var imageSize = channels * height * width;
        var prototypes = Prototypes(random, classes, channels, height, width);

        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % classes;
        }

        FisherYates.Shuffle(random, labels.AsSpan());

        var pixels = new float[(long)count * imageSize];
        var draw = new double[imageSize];
        for (var i = 0; i < count; i++)
        {
            Normal.Samples(random, draw, 0.0, noise);
            var prototype = prototypes.AsSpan(labels[i] * imageSize, imageSize);
            var image = pixels.AsSpan(i * imageSize, imageSize);
            for (var p = 0; p < imageSize; p++)
            {
                image[p] = (float)Math.Clamp(prototype[p] + draw[p], 0.0, 1.0);
            }
        }

        return LabeledImages.WithPixelsInRange(pixels, labels, channels, height, width, classes);
    }

    /// <summary>One C×H×W prototype per class, values in [0.1, 0.9]: half a shared pattern, half its own.</summary>
    private static double[] Prototypes(Random random, int classes, int channels, int height, int width)
    {
        var plane = height * width;
        var shared = new double[channels * plane];
        for (var c = 0; c < channels; c++)
        {
            SmoothPattern(random, shared.AsSpan(c * plane, plane), height, width);
        }

        var prototypes = new double[classes * channels * plane];
        var own = new double[plane];
        for (var k = 0; k < classes; k++)
        {
            for (var c = 0; c < channels; c++)
            {
                SmoothPattern(random, own, height, width);
                var target = prototypes.AsSpan(((k * channels) + c) * plane, plane);
                var common = shared.AsSpan(c * plane, plane);
                for (var p = 0; p < plane; p++)
                {
                    target[p] = 0.1 + (0.4 * common[p]) + (0.4 * own[p]);
                }
            }
        }

        return prototypes;
    }

    /// <summary>A sum of a few random Gaussian blobs, rescaled to [0, 1]: smooth at the scale of the image.</summary>
    private static void SmoothPattern(Random random, Span<double> target, int height, int width)
    {
        target.Clear();
        var scale = Math.Max(height, width);
        for (var b = 0; b < BlobsPerPattern; b++)
        {
            var cy = random.NextDouble() * height;
            var cx = random.NextDouble() * width;
            var radius = scale * (0.15 + (0.2 * random.NextDouble()));
            var amplitude = (2 * random.NextDouble()) - 1;
            var inverse = 1.0 / (2 * radius * radius);
            for (var y = 0; y < height; y++)
            {
                var dy = y + 0.5 - cy;
                for (var x = 0; x < width; x++)
                {
                    var dx = x + 0.5 - cx;
                    target[(y * width) + x] += amplitude * Math.Exp(-((dx * dx) + (dy * dy)) * inverse);
                }
            }
        }

        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in target)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        // A 1×1 image has no range; any constant in [0, 1] is as smooth as it gets.
        var range = max - min;
        for (var p = 0; p < target.Length; p++)
        {
            target[p] = range > 0 ? (target[p] - min) / range : 0.5;
        }
    }
}
