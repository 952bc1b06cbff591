using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>Writes solver results as JSON: one object for a single instance, an array for an array input.</summary>
internal static class JsonResults
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter output, JsonInstances input, IReadOnlyList<T> results, Action<Utf8JsonWriter, T> writeOne)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            if (input.WasArray)
            {
                writer.WriteStartArray();
            }

            foreach (var result in results)
            {
                writeOne(writer, result);
            }

            if (input.WasArray)
            {
                writer.WriteEndArray();
            }
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
