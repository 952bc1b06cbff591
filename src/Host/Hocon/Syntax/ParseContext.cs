using EdgeMoE.Hocon.Loading;

namespace EdgeMoE.Hocon.Syntax;

/// <summary>What the parser needs to know about the file it is reading.</summary>
/// <param name="Source">The file name as given (used in origins and error messages).</param>
/// <param name="Directory">Folder that relative includes are resolved against; null for text not read from a file.</param>
/// <param name="IncludePrefix">Path at which this file was included (empty for a top-level file).</param>
/// <param name="Includes">Loads included files.</param>
/// <param name="IncludeChain">Files being included around this one, outermost first (to report include cycles).</param>
internal sealed record ParseContext(
    string Source,
    string? Directory,
    IReadOnlyList<string> IncludePrefix,
    IncludeLoader Includes,
    IReadOnlyList<string> IncludeChain);
