namespace EdgeMoE.Hocon.Unresolved;

/// <summary>Values written side by side on one line, with at least one substitution among them.</summary>
internal sealed class ConcatenationNode(IReadOnlyList<Node> parts, ConfigOrigin origin) : Node(origin)
{
    public IReadOnlyList<Node> Parts { get; } = parts;

    public override bool NeedsResolution => true;
}
