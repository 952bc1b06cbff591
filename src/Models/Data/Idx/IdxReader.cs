using System.Buffers.Binary;
using System.IO.Compression;

namespace EdgeMoE.Models.Data.Idx;

/// <summary>
/// Reads IDX files of unsigned bytes, gzipped or not (recognised by content, not by name). Any defect
/// (bad magic, another element type, truncation, trailing bytes, a broken gzip stream) raises a
/// <see cref="DataSetException"/> whose message names the file and the defect.
/// </summary>
public static class IdxReader
{
    private const int MaxRank = 16;

    /// <summary>Reads the IDX file at <paramref name="path"/>.</summary>
    public static IdxArray Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSetException($"Cannot open '{path}': {e.Message}", e);
        }

        using (file)
        {
            return Read(file, path);
        }
    }

    /// <summary>
    /// Reads an IDX array from <paramref name="stream"/> (which is read to its end);
    /// <paramref name="source"/> names it in error messages.
    /// </summary>
    public static IdxArray Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            Span<byte> sniff = stackalloc byte[2];
            var sniffed = stream.ReadAtLeast(sniff, 2, throwOnEndOfStream: false);
            var isGzip = sniffed == 2 && sniff[0] == 0x1F && sniff[1] == 0x8B;
            var rest = new PrefixedStream(sniff[..sniffed].ToArray(), stream);
            if (!isGzip)
            {
                return ReadRaw(rest, source);
            }

            using var gzip = new GZipStream(rest, CompressionMode.Decompress);
            return ReadRaw(gzip, source);
        }
        catch (InvalidDataException e)
        {
            throw new DataSetException($"'{source}' is corrupted: its gzip stream is broken ({e.Message}).", e);
        }
        catch (IOException e)
        {
            throw new DataSetException($"Cannot read '{source}': {e.Message}", e);
        }
    }

    private static IdxArray ReadRaw(Stream stream, string source)
    {
        Span<byte> magic = stackalloc byte[4];
        var got = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        if (got < 4)
        {
            throw new DataSetException($"'{source}' is truncated: {got} bytes, shorter than the 4-byte IDX magic number.");
        }

        if (magic[0] != 0 || magic[1] != 0)
        {
            throw new DataSetException(
                $"'{source}' is not an IDX file: its magic number 0x{magic[0]:X2}{magic[1]:X2}{magic[2]:X2}{magic[3]:X2} does not start with two zero bytes.");
        }

        var type = magic[2];
        if (type != IdxFormat.UnsignedByte)
        {
            var name = IdxFormat.TypeName(type);
            throw new DataSetException(name is null
                ? $"'{source}' is not an IDX file: element type 0x{type:X2} is not defined by the format."
                : $"'{source}' holds {name} elements (type 0x{type:X2}); only unsigned bytes (type 0x08) are supported.");
        }

        int rank = magic[3];
        if (rank is 0 or > MaxRank)
        {
            throw new DataSetException($"'{source}' is corrupted: it declares {rank} dimensions (expected 1 to {MaxRank}).");
        }

        var header = new byte[4 * rank];
        got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < header.Length)
        {
            throw new DataSetException($"'{source}' is truncated inside its header: {rank} dimension sizes need {header.Length} bytes, found {got}.");
        }

        var dimensions = new int[rank];
        long length = 1;
        for (var d = 0; d < rank; d++)
        {
            var size = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * d, 4));
            if (size < 0)
            {
                throw new DataSetException($"'{source}' is corrupted: dimension {d} has the negative size {size}.");
            }

            dimensions[d] = size;
            length *= size;
            if (length > Array.MaxLength)
            {
                throw new DataSetException($"'{source}' is corrupted: dimensions {string.Join('×', dimensions[..(d + 1)])} exceed the largest array .NET can hold.");
            }
        }

        var data = new byte[length];
        got = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (got < data.Length)
        {
            throw new DataSetException(
                $"'{source}' is truncated: dimensions {string.Join('×', dimensions)} need {data.Length} data bytes, found {got}.");
        }

        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) != 0)
        {
            throw new DataSetException($"'{source}' is corrupted: it has bytes after the {data.Length} data bytes its dimensions {string.Join('×', dimensions)} declare.");
        }

        return new IdxArray(source, dimensions, data);
    }
}
