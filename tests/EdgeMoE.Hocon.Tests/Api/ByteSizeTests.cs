namespace EdgeMoE.Hocon.Tests.Api;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("512 KiB", 524_288L)]
    [InlineData("1 GB", 1_000_000_000L)]
    [InlineData("1G", 1_073_741_824L)]
    [InlineData("10 kB", 10_000L)]
    [InlineData("1.5 MiB", 1_572_864L)]
    [InlineData("3 bytes", 3L)]
    [InlineData("100", 100L)]
    [InlineData("2 tebibytes", 2_199_023_255_552L)]
    public void Sizes_parse_with_decimal_and_binary_units(string text, long bytes) =>
        Assert.Equal(bytes, Hocon.Resolve($"s = {text}").GetBytes("s"));

    [Fact]
    public void A_size_that_overflows_64_bits_is_an_error() =>
        Assert.Contains("size does not fit in 64 bits", Hocon.GetterError("s = 20 EiB", c => c.GetBytes("s")));

    [Fact]
    public void An_unknown_size_unit_is_an_error_naming_the_path() =>
        Assert.StartsWith("test.conf:1:5: s: unknown size unit 'KB'", Hocon.GetterError("s = 5 KB", c => c.GetBytes("s")));
}
