using System.IO.Compression;
using EdgeMoE.Models.Data;
using EdgeMoE.Models.Data.Idx;

namespace EdgeMoE.Models.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_written_array_reads_back_with_its_dimensions_and_bytes(bool gzip)
    {
        var path = _dir.File(gzip ? "a.gz" : "a");
        var data = IdxFiles.Pixels(3, 5).AsSpan(0, 3 * 5 * 4).ToArray();
        IdxWriter.Write(path, [3, 5, 4], data, gzip);

        var array = IdxReader.Read(path);

        Assert.Equal([3, 5, 4], array.Dimensions);
        Assert.Equal(data, array.Data);
        Assert.Equal(path, array.Source);
    }

    [Fact]
    public void Gzip_is_recognised_by_content_whatever_the_file_name()
    {
        var path = _dir.File("labels-without-extension");
        IdxWriter.Write(path, [4], [1, 2, 3, 4], gzip: true);

        Assert.Equal([1, 2, 3, 4], IdxReader.Read(path).Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_stream_reads_like_a_file_and_errors_name_the_given_source(bool gzip)
    {
        var raw = IdxFiles.Raw([2, 2], [1, 2, 3, 4]);
        using var good = new MemoryStream(gzip ? Gzip(raw) : raw);

        Assert.Equal([1, 2, 3, 4], IdxReader.Read(good, "memory").Data);

        using var bad = new MemoryStream(gzip ? Gzip(raw[..^1]) : raw[..^1]);
        var error = Assert.Throws<DataSetException>(() => IdxReader.Read(bad, "from-the-network"));
        Assert.Contains("'from-the-network' is truncated", error.Message);
    }

    [Fact]
    public void The_header_is_big_endian_as_the_format_says()
    {
        var bytes = IdxFiles.Raw([258], new byte[258]);

        Assert.Equal(new byte[] { 0, 0, 0x08, 1, 0, 0, 1, 2 }, bytes[..8]);
    }

    [Fact]
    public void A_bad_magic_number_is_reported_with_the_file_name()
    {
        var bytes = IdxFiles.Raw([2], [7, 7]);
        bytes[0] = 0x12;
        var error = ReadError(bytes, "bad-magic");

        Assert.Contains("bad-magic", error);
        Assert.Contains("magic number 0x12000801", error);
    }

    [Theory]
    [InlineData(0x0D, "float32")]
    [InlineData(0x0C, "int32")]
    [InlineData(0x09, "signed byte")]
    public void Element_types_other_than_unsigned_bytes_are_rejected_by_name(byte type, string name)
    {
        var bytes = IdxFiles.Raw([2], [7, 7]);
        bytes[2] = type;
        var error = ReadError(bytes, "typed");

        Assert.Contains($"holds {name} elements (type 0x{type:X2})", error);
        Assert.Contains("only unsigned bytes (type 0x08)", error);
    }

    [Fact]
    public void An_undefined_element_type_is_not_an_idx_file()
    {
        var bytes = IdxFiles.Raw([2], [7, 7]);
        bytes[2] = 0x42;

        Assert.Contains("element type 0x42 is not defined", ReadError(bytes, "x"));
    }

    [Fact]
    public void Zero_dimensions_are_corrupt()
    {
        Assert.Contains("declares 0 dimensions", ReadError([0, 0, 8, 0], "x"));
    }

    [Fact]
    public void A_file_shorter_than_the_magic_is_truncated()
    {
        Assert.Contains("truncated: 3 bytes", ReadError([0, 0, 8], "short"));
        Assert.Contains("truncated: 0 bytes", ReadError([], "empty"));
    }

    [Fact]
    public void A_header_cut_inside_the_sizes_is_truncated()
    {
        var bytes = IdxFiles.Raw([2, 3, 4], new byte[24]);

        Assert.Contains("truncated inside its header: 3 dimension sizes need 12 bytes, found 6", ReadError(bytes[..10], "x"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Missing_data_bytes_are_reported_as_truncation_with_the_counts(bool gzip)
    {
        var bytes = IdxFiles.Raw([2, 3, 4], new byte[24]);
        var cut = bytes[..^5];
        var error = gzip ? ReadError(Gzip(cut), "cut.gz") : ReadError(cut, "cut");

        Assert.Contains("truncated: dimensions 2×3×4 need 24 data bytes, found 19", error);
    }

    [Fact]
    public void Bytes_after_the_declared_data_are_corrupt()
    {
        var bytes = IdxFiles.Raw([2], [1, 2]);

        Assert.Contains("bytes after the 2 data bytes", ReadError([.. bytes, 9], "long"));
    }

    [Fact]
    public void A_cut_gzip_stream_is_reported_as_corruption_of_that_file()
    {
        var gz = Gzip(IdxFiles.Raw([64], new byte[64]));
        var error = ReadError(gz[..(gz.Length - 12)], "cut.gz");

        Assert.Contains("cut.gz", error);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_a_data_set_error_naming_it()
    {
        var missing = _dir.File("nothing-here");

        var error = Assert.Throws<DataSetException>(() => IdxReader.Read(missing));

        Assert.Contains(missing, error.Message);
    }

    private string ReadError(byte[] bytes, string name)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return Assert.Throws<DataSetException>(() => IdxReader.Read(path)).Message;
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return output.ToArray();
    }
}
