using EdgeMoE.Hocon.Loading;
using EdgeMoE.Hocon.Resolution;
using EdgeMoE.Hocon.Syntax;
using EdgeMoE.Hocon.Unresolved;

namespace EdgeMoE.Hocon;

/// <summary>
/// A parsed but unresolved configuration (includes merged, substitutions pending). Layer documents with
/// <see cref="WithFallback"/> before <see cref="Resolve"/> so that a file can refer to, and extend, values of its fallback.
/// </summary>
public sealed class HoconDocument
{
    private readonly ObjectNode _root;

    private HoconDocument(ObjectNode root) => _root = root;

    /// <summary>Parses HOCON text; relative includes are resolved against the folder of <paramref name="source"/> if it has one.</summary>
    /// <exception cref="HoconException">Syntax error, with <c>SOURCE:LINE:COL</c>.</exception>
    public static HoconDocument Parse(string text, string source = "string")
    {
        var loader = new IncludeLoader();
        var directory = Path.GetDirectoryName(source);
        var context = new ParseContext(source, string.IsNullOrEmpty(directory) ? null : directory, [], loader, []);
        return new HoconDocument(Parser.ParseDocument(text, context));
    }

    /// <summary>Parses a file (<c>.conf</c>, <c>.json</c> or <c>.properties</c>); origins use <paramref name="path"/> as given.</summary>
    /// <exception cref="HoconException">Missing file or syntax error.</exception>
    public static HoconDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HoconException($"{path}: no such configuration file");
        }

        try
        {
            return new HoconDocument(new IncludeLoader().LoadFile(path, [], []));
        }
        catch (IOException ex)
        {
            throw new HoconException($"{path}: cannot read: {ex.Message}");
        }
    }

    /// <summary>This document over <paramref name="fallback"/>, merged exactly like duplicate keys in one file.</summary>
    public HoconDocument WithFallback(HoconDocument fallback) => new(NodeMerge.Objects(fallback._root, _root));

    /// <summary>Resolves all substitutions.</summary>
    /// <exception cref="HoconException">Unresolved substitution or cycle, with <c>FILE:LINE:COL</c>.</exception>
    public Config Resolve(HoconResolveOptions? options = null) =>
        new(new Resolver(_root, (options ?? HoconResolveOptions.Default).Environment).ResolveRoot());
}
