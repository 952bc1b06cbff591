using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using EdgeMoE.Models.Nn;
using EdgeMoE.Models.Tensors;

namespace EdgeMoE.Models.Serialization;

/// <summary>
/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, an N-byte
/// UTF-8 JSON header {"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...,
/// "__metadata__": {...}} padded with spaces to a multiple of 8, then the raw little-endian data.
/// Writing is deterministic: tensors in the given order, no timestamps.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    /// <summary>Writes the tensors (float32) and optional string metadata to <paramref name="stream"/>.</summary>
    public static void Save(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToArray();
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
            WriteFloats(stream, tensor.Span);
        }
    }

    /// <summary>Writes the tensors to a file.</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var file = File.Create(path);
        Save(file, tensors, metadata);
    }

    /// <summary>Writes a module's parameters under their state-dict names.</summary>
    public static void Save(string path, Module module) => Save(path, (module ?? throw new ArgumentNullException(nameof(module))).NamedParameters());

    /// <summary>Reads every tensor of a safetensors stream (F32 only), in header order.</summary>
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

    /// <summary>Loads a file into a module's parameters by name (shapes must match).</summary>
    public static void Load(string path, Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        module.LoadStateDict(Load(path).ToDictionary(p => p.Key, p => p.Value));
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
                foreach (var extent in tensor.Shape)
                {
                    writer.WriteNumberValue(extent);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                offset += 4L * tensor.Length;
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

        var shape = shapeElement.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var begin = offsets[0].GetInt64();
        var end = offsets[1].GetInt64();
        var count = TensorShape.ElementCount(shape);
        if (begin < 0 || end < begin || end > data.Length || end - begin != 4L * count)
        {
            throw new InvalidDataException($"safetensors: tensor '{name}' data_offsets [{begin}, {end}] do not hold {count} float32 values inside the {data.Length}-byte data section");
        }

        var tensor = Tensor.Zeros(shape);
        var raw = data.Slice((int)begin, (int)(end - begin));
        if (BitConverter.IsLittleEndian)
        {
            raw.CopyTo(MemoryMarshal.AsBytes(tensor.Span));
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                tensor.Span[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(4 * i)..]);
            }
        }

        return tensor;
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
