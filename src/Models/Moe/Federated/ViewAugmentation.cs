namespace EdgeMoE.Models.Moe.Federated;

/// <summary>
/// The augmentation kernel A(·|x̄) of FedSC on single-channel images: a random shift of up to
/// <see cref="MaxShift"/> pixels (zero fill), a horizontal flip with probability ½, and a contrast scale in [0.6, 1.4]
/// clamped to [0, 1]. Draws come from the caller's generator, so a client's views replay from its seed.
/// </summary>
public static class ViewAugmentation
{
    /// <summary>Largest shift along each axis (pixels).</summary>
    public const int MaxShift = 3;

    /// <summary>Writes an augmented view of each image of <paramref name="source"/> (images of C×H×W, row-major) to <paramref name="destination"/>.</summary>
    public static void Apply(ReadOnlySpan<float> source, Span<float> destination, int channels, int height, int width, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var imageSize = channels * height * width;
        if (source.Length != destination.Length || source.Length % imageSize != 0)
        {
            throw new ArgumentException($"augmentation: {source.Length} source and {destination.Length} destination values for images of {imageSize}");
        }

        for (var start = 0; start < source.Length; start += imageSize)
        {
            var dx = random.Next(-MaxShift, MaxShift + 1);
            var dy = random.Next(-MaxShift, MaxShift + 1);
            var flip = random.Next(2) == 1;
            var scale = (float)(0.6 + (0.8 * random.NextDouble()));
            for (var c = 0; c < channels; c++)
            {
                var plane = start + (c * height * width);
                for (var y = 0; y < height; y++)
                {
                    var sy = y - dy;
                    for (var x = 0; x < width; x++)
                    {
                        var sx = (flip ? width - 1 - x : x) - dx;
                        var value = sy >= 0 && sy < height && sx >= 0 && sx < width ? source[plane + (sy * width) + sx] * scale : 0f;
                        destination[plane + (y * width) + x] = Math.Min(1f, value);
                    }
                }
            }
        }
    }
}
