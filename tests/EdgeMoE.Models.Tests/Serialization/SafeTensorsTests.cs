using System.Text;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Serialization;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Tests.Serialization;

public sealed class SafeTensorsTests
{
    [Fact]
    public void A_model_round_trips_through_a_safetensors_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgemoe-{Guid.NewGuid():N}.safetensors");
        try
        {
            var original = new SmallCnn(new Random(1));
            SafeTensors.Save(path, original);
            var restored = new SmallCnn(new Random(2));
            Assert.NotEqual(original.GetFlatParameters(), restored.GetFlatParameters());
            SafeTensors.Load(path, restored);
            Assert.Equal(original.GetFlatParameters(), restored.GetFlatParameters());
            var bytes = File.ReadAllBytes(path);
            var headerLength = BitConverter.ToInt64(bytes, 0);
            Assert.Equal(0, headerLength % 8);
            Assert.Equal(8 + headerLength + (4L * original.ParameterCount), bytes.Length);
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
        Assert.Equal([3], tensors["a"].Shape.ToArray());
        Assert.Equal([1f, -2f, 0.5f], tensors["a"].ToArray());
        Assert.Equal([3.25f, 1e-3f], tensors["b"].ToArray());
    }

    [Fact]
    public void Written_headers_are_exactly_the_documented_json()
    {
        using var buffer = new MemoryStream();
        SafeTensors.Save(buffer, [new("w", Tensor.FromValues([1f, 2f], 1, 2))]);
        var bytes = buffer.ToArray();
        var length = (int)BitConverter.ToInt64(bytes, 0);
        Assert.Equal("{\"w\":{\"dtype\":\"F32\",\"shape\":[1,2],\"data_offsets\":[0,8]}}", Encoding.UTF8.GetString(bytes, 8, length).TrimEnd(' '));
        Assert.Equal(1f, BitConverter.ToSingle(bytes, 8 + length));
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

    [Fact]
    public void A_header_longer_than_the_file_is_rejected()
    {
        using var file = new MemoryStream(BitConverter.GetBytes(1000UL));
        Assert.Contains("exceeds", Assert.Throws<InvalidDataException>(() => SafeTensors.Load(file)).Message, StringComparison.Ordinal);
    }
}
