using System.Text;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using TorchSharp;

namespace EdgeMoE.Models.Tests.Serialization;

public sealed class SafeTensorsTests
{
    [Fact]
    public void A_model_round_trips_through_a_safetensors_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgemoe-{Guid.NewGuid():N}.safetensors");
        try
        {
            using var first = NetworkSeed.Generator(1, "cnn");
            using var second = NetworkSeed.Generator(2, "cnn");
            using var original = new SmallCnn(first);
            SafeTensors.Save(path, original);
            using var restored = new SmallCnn(second);
            Assert.NotEqual(Flat(original), Flat(restored));
            SafeTensors.Load(path, restored);
            Assert.Equal(Flat(original), Flat(restored));
            var bytes = File.ReadAllBytes(path);
            var headerLength = BitConverter.ToInt64(bytes, 0);
            Assert.Equal(0, headerLength % 8);
            Assert.Equal(8 + headerLength + (4L * original.parameters().Sum(p => p.numel())), bytes.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_hand_built_file_is_read_with_its_shapes_and_values()
    {
        var header = "{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[12,20]},\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}}";
        using var file = new MemoryStream();
        file.Write(BitConverter.GetBytes((ulong)header.Length));
        file.Write(Encoding.UTF8.GetBytes(header));
        foreach (var v in new[] { 1f, -2f, 0.5f, 3.25f, 1e-3f })
        {
            file.Write(BitConverter.GetBytes(v));
        }

        file.Position = 0;
        var tensors = SafeTensors.Load(file).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(["b", "a"], SafeTensors.Load(new MemoryStream(file.ToArray())).Select(p => p.Key));
        Assert.Equal([3L], tensors["a"].shape);
        Assert.Equal([1f, -2f, 0.5f], TensorInput.ToArray(tensors["a"]));
        Assert.Equal([3.25f, 1e-3f], TensorInput.ToArray(tensors["b"]));
    }

    [Fact]
    public void A_small_file_is_written_byte_for_byte_as_pytorch_safetensors_expects()
    {
        // Two tensors given out of order, plus metadata: keys sorted, metadata first, header padded with spaces to 8 bytes.
        using var w = TensorInput.Floats([1f, 2f], 1, 2);
        using var b = TensorInput.Floats([-0.5f], 1);
        using var buffer = new MemoryStream();
        SafeTensors.Save(buffer, [new("w", w), new("b", b)], new Dictionary<string, string> { ["format"] = "pt" });

        const string Header = "{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"w\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[4,12]}}";
        Assert.Equal(141, Header.Length);
        var expected = new List<byte> { 144, 0, 0, 0, 0, 0, 0, 0 };
        expected.AddRange(Encoding.ASCII.GetBytes(Header));
        expected.AddRange(Encoding.ASCII.GetBytes("   "));
        expected.AddRange([0x00, 0x00, 0x00, 0xBF]); // -0.5f
        expected.AddRange([0x00, 0x00, 0x80, 0x3F]); // 1f
        expected.AddRange([0x00, 0x00, 0x00, 0x40]); // 2f
        Assert.Equal(expected.ToArray(), buffer.ToArray());
    }

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}", "only F32")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}", "data_offsets")]
    [InlineData("not json", "not valid JSON")]
    public void Malformed_files_are_rejected_with_the_reason(string header, string reason)
    {
        using var file = new MemoryStream();
        file.Write(BitConverter.GetBytes((ulong)header.Length));
        file.Write(Encoding.UTF8.GetBytes(header));
        file.Write(new byte[8]);
        file.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => SafeTensors.Load(file));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static float[] Flat(torch.nn.Module module) => [.. module.parameters().SelectMany(p => TensorInput.ToArray(p.reshape(-1)))];

    [Fact]
    public void A_header_longer_than_the_file_is_rejected()
    {
        using var file = new MemoryStream(BitConverter.GetBytes(1000UL));
        Assert.Contains("exceeds", Assert.Throws<InvalidDataException>(() => SafeTensors.Load(file)).Message, StringComparison.Ordinal);
    }
}
