using EdgeMoE.Models.Data.Idx;

namespace EdgeMoE.Models.Tests.Data;

public sealed class PixelScalingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(256)]
    [InlineData(1000)]
    public void Every_byte_becomes_exactly_its_scalar_quotient_by_255_whatever_the_length(int length)
    {
        var source = new byte[length];
        for (var i = 0; i < length; i++)
        {
            source[i] = (byte)((i * 151) + 7);
        }

        var destination = new float[length + 3];
        destination[^1] = -1f;

        PixelScaling.ToUnitInterval(source, destination);

        for (var i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(source[i] / 255f), BitConverter.SingleToInt32Bits(destination[i]));
        }

        Assert.Equal(-1f, destination[^1]);
    }

    [Fact]
    public void A_destination_shorter_than_the_source_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PixelScaling.ToUnitInterval(new byte[5], new float[4]));
    }
}
