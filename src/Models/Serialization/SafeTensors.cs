using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using EdgeMoE.Models.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgeMoE.Models.Serialization;

/// <summary>
/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, an N-byte
/// UTF-8 JSON header {"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...,
/// "__metadata__": {...}} padded with spaces to a multiple of 8, then the raw little-endian data: what PyTorch's
/// safetensors.torch.load_file reads. Writing is deterministic: metadata first, then tensors sorted by name (ordinal), their
/// data in the same order, no timestamps. TorchSharp tensors of any float dtype are written as F32.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    /// <summary>Writes the tensors (float32) and optional string metadata to <paramref name="stream"/>.</summary>
    public static void Save(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in list)
        {
            if (name == MetadataKey || !names.Add(name))
            {
                throw new ArgumentException($"safetensors: tensor name '{name}' is reserved or repeated", nameof(tensors));
            }
        }

        var header = Header(list, metadata);
        var padded = (header.Length + 7) / 8 * 8;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        stream.Write(length);
        stream.Write(header);
        for (var i = header.Length; i < padded; i++)
        {
            stream.WriteByte((byte)' ');
        }

        foreach (var (_, tensor) in list)
        {
            // The scope keeps detach's and to's results referenced: a collection could otherwise free one mid-call.
            using var scope = torch.NewDisposeScope();
            var values = tensor.detach().to(ScalarType.Float32).contiguous();
            WriteFloats(stream, MemoryMarshal.Cast<byte, float>(values.bytes));
        }
    }

    /// <summary>Writes the tensors to a file.</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var file = File.Create(path);
        Save(file, tensors, metadata);
    }

    /// <summary>Writes a module's state dict (parameters and buffers) under its names.</summary>
    public static void Save(string path, nn.Module module) => Save(path, (module ?? throw new ArgumentNullException(nameof(module))).state_dict());

    /// <summary>Reads every tensor of a safetensors stream (F32 only), in header order; the caller disposes the tensors.</summary>
    /// <exception cref="InvalidDataException">The content is not a valid float32 safetensors file; the message says what is wrong.</exception>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length < 8)
        {
            throw new InvalidDataException($"safetensors: {bytes.Length} bytes is too short for the 8-byte header length");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw new InvalidDataException($"safetensors: header length {headerLength} exceeds the {bytes.Length - 8} bytes that follow");
        }

        var data = bytes[(8 + (int)headerLength)..];
        using var json = ParseHeader(bytes.Slice(8, (int)headerLength));
        var result = new List<KeyValuePair<string, Tensor>>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            if (entry.Name == MetadataKey)
            {
                continue;
            }

            result.Add(new(entry.Name, ReadTensor(entry.Name, entry.Value, data)));
        }

        return result;
    }

    /// <summary>Reads every tensor of a safetensors file.</summary>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Load(string path)
    {
        using var file = File.OpenRead(path);
        try
        {
            return Load(file);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Loads a file into a module's state dict by name (every name present, shapes must match).</summary>
    /// <exception cref="InvalidDataException">A name of the module is missing from the file or a shape differs.</exception>
    public static void Load(string path, nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var loaded = Load(path).ToDictionary(p => p.Key, p => p.Value);
        try
        {
            using var noGrad = torch.no_grad();
            foreach (var (name, target) in module.state_dict())
            {
                if (!loaded.TryGetValue(name, out var source))
                {
                    throw new InvalidDataException($"{path}: no tensor '{name}'");
                }

                if (!source.shape.SequenceEqual(target.shape))
                {
                    throw new InvalidDataException($"{path}: tensor '{name}' has shape [{string.Join(", ", source.shape)}], the module expects [{string.Join(", ", target.shape)}]");
                }

                target.copy_(source);
            }
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static byte[] Header(KeyValuePair<string, Tensor>[] tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            long offset = 0;
            foreach (var (name, tensor) in tensors)
            {
                writer.WriteStartObject(name);
                writer.WriteString("dtype", "F32");
                writer.WriteStartArray("shape");
                foreach (var extent in tensor.shape)
                {
                    writer.WriteNumberValue(extent);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                offset += 4L * tensor.numel();
                writer.WriteNumberValue(offset);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return output.ToArray();
    }

    private static JsonDocument ParseHeader(ReadOnlySpan<byte> header)
    {
        try
        {
            var document = JsonDocument.Parse(Encoding.UTF8.GetString(header).TrimEnd(' '));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidDataException("safetensors: the header is not a JSON object");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"safetensors: the header is not valid JSON ({e.Message})", e);
        }
    }

    private static Tensor ReadTensor(string name, JsonElement entry, ReadOnlySpan<byte> data)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("dtype", out var dtype)
            || !entry.TryGetProperty("shape", out var shapeElement)
            || !entry.TryGetProperty("data_offsets", out var offsets)
            || shapeElement.ValueKind != JsonValueKind.Array
            || offsets.ValueKind != JsonValueKind.Array
            || offsets.GetArrayLength() != 2)
        {
            throw new InvalidDataException($"safetensors: tensor '{name}' needs dtype, shape and data_offsets [begin, end]");
        }

        if (dtype.GetString() != "F32")
        {
            throw new InvalidDataException($"safetensors: tensor '{name}' has dtype {dtype.GetString()}, only F32 is supported");
        }

        var shape = shapeElement.EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var begin = offsets[0].GetInt64();
        var end = offsets[1].GetInt64();
        if (shape.Any(extent => extent < 0))
        {
            throw new InvalidDataException($"safetensors: tensor '{name}' has a negative extent in its shape");
        }

        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (begin < 0 || end < begin || end > data.Length || end - begin != 4L * count)
        {
            throw new InvalidDataException($"safetensors: tensor '{name}' data_offsets [{begin}, {end}] do not hold {count} float32 values inside the {data.Length}-byte data section");
        }

        var raw = data.Slice((int)begin, (int)(end - begin));
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(4 * i)..]);
        }

        return TensorInput.Floats(values, shape);
    }

    private static void WriteFloats(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> four = stackalloc byte[4];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(four, v);
            stream.Write(four);
        }
    }
}
