namespace EdgeMoE.Hocon.Unresolved;

/// <summary>An array whose elements may still hold substitutions.</summary>
internal sealed class ArrayNode(IReadOnlyList<Node> items, ConfigOrigin origin) : Node(origin)
{
    public IReadOnlyList<Node> Items { get; } = items;

    public override bool NeedsResolution => false;
}
