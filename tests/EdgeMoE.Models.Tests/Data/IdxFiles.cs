using EdgeMoE.Models.Data.Idx;

namespace EdgeMoE.Models.Tests.Data;

/// <summary>Small IDX image and label files written for tests, raw or gzipped.</summary>
internal static class IdxFiles
{
    /// <summary>Deterministic pixel bytes for <paramref name="count"/> images of the given side.</summary>
    public static byte[] Pixels(int count, int side)
    {
        var data = new byte[count * side * side];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)((i * 37) + (i / 7));
        }

        return data;
    }

    public static byte[] Labels(int count, int classes)
    {
        var data = new byte[count];
        for (var i = 0; i < count; i++)
        {
            data[i] = (byte)((i * 3) % classes);
        }

        return data;
    }

    public static void WriteImages(string path, int count, int side, bool gzip) =>
        IdxWriter.Write(path, [count, side, side], Pixels(count, side), gzip);

    public static void WriteLabels(string path, int count, int classes, bool gzip) =>
        IdxWriter.Write(path, [count], Labels(count, classes), gzip);

    /// <summary>The bytes of a raw IDX file, for tests that then damage them.</summary>
    public static byte[] Raw(int[] dimensions, byte[] data)
    {
        using var stream = new MemoryStream();
        IdxWriter.Write(stream, dimensions, data);
        return stream.ToArray();
    }
}
