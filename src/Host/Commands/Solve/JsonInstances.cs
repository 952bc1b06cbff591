using System.Text.Json;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Solve;

/// <summary>The instances of one <c>solve</c> input: a single JSON object, or an array of objects.</summary>
/// <param name="Items">The instances, in input order.</param>
/// <param name="WasArray">True when the input was an array, so the output must be one too.</param>
internal sealed record JsonInstances(IReadOnlyList<JsonInstance> Items, bool WasArray)
{
    /// <summary>Reads <paramref name="input"/> (a path, or "-" for <paramref name="stdin"/>).</summary>
    /// <exception cref="BadInputException">Missing file, malformed JSON, or not objects.</exception>
    public static JsonInstances Read(string input, TextReader stdin)
    {
        var source = input == "-" ? "<stdin>" : input;
        string text;
        try
        {
            text = input == "-" ? stdin.ReadToEnd() : File.ReadAllText(input);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{source}: cannot read the input: {ex.Message}", ex);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new BadInputException($"{source}:{line}:{column}: malformed JSON: {FirstSentence(ex.Message)}", ex);
        }

        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                return new JsonInstances([new JsonInstance(root, source, 0, wasArray: false)], WasArray: false);
            case JsonValueKind.Array:
                var items = new List<JsonInstance>();
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        throw new BadInputException($"{source}: instance {index}: expected a JSON object, got {Describe(element)}");
                    }

                    items.Add(new JsonInstance(element, source, index, wasArray: true));
                    index++;
                }

                if (items.Count == 0)
                {
                    throw new BadInputException($"{source}: the array holds no instance");
                }

                return new JsonInstances(items, WasArray: true);
            default:
                throw new BadInputException($"{source}: expected a JSON object or an array of objects, got {Describe(root)}");
        }
    }

    internal static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(element.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => $"an array of {element.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
