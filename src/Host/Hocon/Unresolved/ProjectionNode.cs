namespace EdgeMoE.Hocon.Unresolved;

/// <summary>
/// "The field <see cref="Key"/> of <see cref="Source"/> once resolved": how a lookup descends into the part of a merge
/// stack that needs resolution, without resolving the objects stacked above it (which may be what is looking).
/// </summary>
internal sealed class ProjectionNode(Node source, IReadOnlyList<string> sourcePath, string key) : Node(source.Origin)
{
    public Node Source { get; } = source;

    /// <summary>Path of <see cref="Source"/> in the document.</summary>
    public IReadOnlyList<string> SourcePath { get; } = sourcePath;

    public string Key { get; } = key;

    public override bool NeedsResolution => true;
}
