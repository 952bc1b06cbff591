using System.Buffers.Binary;
using System.IO.Compression;

namespace EdgeMoE.Models.Data.Idx;

/// <summary>Writes IDX files of unsigned bytes, optionally gzipped (the format <see cref="IdxReader"/> reads).</summary>
public static class IdxWriter
{
    /// <summary>
    /// Writes <paramref name="data"/> with the given <paramref name="dimensions"/> (outermost first) to
    /// <paramref name="path"/>, gzip-compressed when <paramref name="gzip"/> is true.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<int> dimensions, ReadOnlySpan<byte> data, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        if (gzip)
        {
            using var compressed = new GZipStream(file, CompressionLevel.Fastest);
            Write(compressed, dimensions, data);
        }
        else
        {
            Write(file, dimensions, data);
        }
    }

    /// <summary>Writes an IDX header and <paramref name="data"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<int> dimensions, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (dimensions.Length is 0 or > 255)
        {
            throw new ArgumentException($"IDX needs 1 to 255 dimensions, got {dimensions.Length}.", nameof(dimensions));
        }

        long length = 1;
        foreach (var size in dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size, nameof(dimensions));
            length *= size;
        }

        if (length != data.Length)
        {
            throw new ArgumentException($"Dimensions {string.Join('×', dimensions.ToArray())} need {length} bytes, got {data.Length}.", nameof(data));
        }

        Span<byte> header = stackalloc byte[4 + (4 * dimensions.Length)];
        header[2] = IdxFormat.UnsignedByte;
        header[3] = (byte)dimensions.Length;
        for (var d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.Slice(4 + (4 * d), 4), dimensions[d]);
        }

        stream.Write(header);
        stream.Write(data);
    }
}
