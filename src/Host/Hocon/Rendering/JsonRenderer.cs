using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeMoE.Hocon.Rendering;

/// <summary>Writes a resolved value as JSON: numbers as numbers, keys in definition order.</summary>
public static partial class JsonRenderer
{
    /// <summary>The value as JSON text, indented by two spaces unless <paramref name="indented"/> is false.</summary>
    public static string Render(HoconValue value, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex JsonNumber();

    private static void Write(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value)
        {
            case HoconObject obj:
                writer.WriteStartObject();
                foreach (var (key, child) in obj.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, child);
                }

                writer.WriteEndObject();
                break;
            case HoconArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case HoconNumber number:
                // Keep the text as written (e.g. 2e-27) unless it is not strict JSON (a leading zero such as 007).
                writer.WriteRawValue(JsonNumber().IsMatch(number.Text) ? number.Text : number.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case HoconString text:
                writer.WriteStringValue(text.Value);
                break;
            case HoconBoolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
