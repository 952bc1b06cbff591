using EdgeMoE.Hocon.Syntax;
using EdgeMoE.Hocon.Unresolved;

namespace EdgeMoE.Hocon.Loading;

/// <summary>
/// Finds and parses files: top-level documents and <c>include</c>d ones. Relative include names are resolved
/// against the folder of the including file (for <c>file(...)</c> too), never the working directory.
/// </summary>
internal sealed class IncludeLoader
{
    /// <summary>Extensions tried for a name without one, in the spec's order (HOCON last so it wins).</summary>
    private static readonly string[] ExtensionsInMergeOrder = [".properties", ".json", ".conf"];

    /// <summary>Parses one file as a root document.</summary>
    public ObjectNode LoadFile(string path, IReadOnlyList<string> includePrefix, IReadOnlyList<string> chain)
    {
        var text = File.ReadAllText(path);
        if (string.Equals(Path.GetExtension(path), ".properties", StringComparison.OrdinalIgnoreCase))
        {
            return PropertiesReader.Read(text, path);
        }

        var context = new ParseContext(path, Path.GetDirectoryName(path), includePrefix, this, [.. chain, Path.GetFullPath(path)]);
        return Parser.ParseDocument(text, context);
    }

    /// <summary>The object an include statement stands for (empty when a non-required file is missing).</summary>
    public ObjectNode Include(string name, bool required, ParseContext including, IReadOnlyList<string> prefix, ConfigOrigin at)
    {
        var baseName = Path.IsPathRooted(name) || including.Directory is null ? name : Path.Combine(including.Directory, name);
        var extension = Path.GetExtension(baseName);
        IEnumerable<string> candidates = ExtensionsInMergeOrder.Contains(extension, StringComparer.OrdinalIgnoreCase)
            ? [baseName]
            : [.. ExtensionsInMergeOrder.Select(e => baseName + e), baseName];
        var found = candidates.Where(File.Exists).ToList();
        if (found.Count > 1 && found[^1] == baseName)
        {
            found.RemoveAt(found.Count - 1);
        }

        if (found.Count == 0)
        {
            if (required)
            {
                throw new HoconException(at, $"required include '{name}' not found (looked for {string.Join(", ", candidates)})");
            }

            return ObjectNode.Empty(at);
        }

        var result = ObjectNode.Empty(at);
        foreach (var file in found)
        {
            var full = Path.GetFullPath(file);
            if (including.IncludeChain.Contains(full))
            {
                throw new HoconException(at, $"include cycle: '{file}' includes itself through {string.Join(" -> ", including.IncludeChain.Select(Path.GetFileName))}");
            }

            ObjectNode included;
            try
            {
                included = LoadFile(file, prefix, including.IncludeChain);
            }
            catch (IOException ex)
            {
                throw new HoconException(at, $"cannot read included file '{file}': {ex.Message}");
            }

            result = NodeMerge.Objects(result, included);
        }

        return result;
    }
}
