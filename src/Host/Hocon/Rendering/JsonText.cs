using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeMoE.Hocon.Rendering;

/// <summary>JSON string quoting shared by both renderers.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string text) => JsonSerializer.Serialize(text, Options);
}
