using Akka.Actor;
using EdgeMoE.Actors.Cluster.Wire;
using EdgeMoE.Actors.Cluster.Wire.Formats;

namespace EdgeMoE.Actors.Tests.Cluster.Wire;

public sealed class PixelLevelsWireTests
{
    [Fact]
    public void An_image_of_8_bit_levels_is_kept_as_one_byte_a_pixel_and_comes_back_bit_for_bit()
    {
        var image = Enumerable.Range(0, 784).Select(i => (i * 7 % 256) / 255f).ToArray();

        var (back, bytes) = RoundTrip(image);

        Assert.Equal(image.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
        Assert.True(bytes < 784 + 16, $"{bytes} bytes for 784 levels");
    }

    [Fact]
    public void Any_other_image_is_kept_as_raw_floats_bit_for_bit()
    {
        var image = Enumerable.Range(0, 784).Select(i => i / 255f).ToArray();
        image[100] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(image[100]) + 1);
        image[5] = -0.0f;

        var (back, bytes) = RoundTrip(image);

        Assert.Equal(image.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
        Assert.True(bytes >= 784 * 4, $"{bytes} bytes for 784 raw floats");
    }

    private static (float[] Image, int Bytes) RoundTrip(float[] image)
    {
        using var system = ActorSystem.Create("image-state");
        using var writer = new WireWriter();
        PixelLevelsWire.Write(writer, image);
        var bytes = writer.ToArray();
        var reader = new WireReader(bytes, "image", (ExtendedActorSystem)system);
        var back = PixelLevelsWire.Read(reader);
        reader.EnsureConsumed();
        return (back, bytes.Length);
    }
}
