namespace EdgeMoE.Hocon.Unresolved;

/// <summary><c>${path}</c> or <c>${?path}</c>.</summary>
/// <param name="Path">Path elements relative to the root of the file it was written in.</param>
/// <param name="Optional">Written as <c>${?...}</c>: an undefined target removes the field instead of failing.</param>
/// <param name="IncludePrefix">Path of the include statement that brought this file in (empty for the top file);
/// the substitution is looked up first under this prefix, then from the root.</param>
internal sealed class SubstitutionNode(IReadOnlyList<string> path, bool optional, IReadOnlyList<string> includePrefix, ConfigOrigin origin)
    : Node(origin)
{
    public IReadOnlyList<string> Path { get; } = path;

    public bool Optional { get; } = optional;

    public IReadOnlyList<string> IncludePrefix { get; } = includePrefix;

    public override bool NeedsResolution => true;

    public override string ToString() => $"${{{(Optional ? "?" : "")}{HoconPath.Render(Path)}}}";
}
