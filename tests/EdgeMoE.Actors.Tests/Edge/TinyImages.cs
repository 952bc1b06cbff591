using EdgeMoE.Models.Data;
using EdgeMoE.Models.Moe;

namespace EdgeMoE.Actors.Tests.Edge;

/// <summary>Tiny 1×4×4 images and a matching one-block CNN, so that actor tests train real networks in microseconds.</summary>
internal static class TinyImages
{
    public const int Classes = 3;
    public const int Side = 4;
    public const int ImageSize = Side * Side;

    public static CnnOptions Network { get; } = new(1, Side, Side, [2], 4);

    /// <summary><paramref name="count"/> images whose pixels are a deterministic function of their index.</summary>
    public static LabeledImages Make(int count)
    {
        var pixels = new float[count * ImageSize];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % Classes;
            for (var p = 0; p < ImageSize; p++)
            {
                pixels[(i * ImageSize) + p] = ((i * 7) + (p * 3)) % 11 / 10f;
            }
        }

        return new LabeledImages(pixels, labels, 1, Side, Side, Classes);
    }

    /// <summary>The training-set indices of <paramref name="count"/> tokens whose images are <see cref="Pixels"/>.</summary>
    public static int[] Indices(int count) => [.. Enumerable.Range(0, count)];

    /// <summary>The pixels of <paramref name="count"/> tokens.</summary>
    public static float[] Pixels(int count) => Make(count).Pixels;
}
