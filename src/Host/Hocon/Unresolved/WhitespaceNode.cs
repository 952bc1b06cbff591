namespace EdgeMoE.Hocon.Unresolved;

/// <summary>Unquoted whitespace between two parts of a concatenation (kept between strings, ignored between arrays/objects).</summary>
internal sealed class WhitespaceNode(string text, ConfigOrigin origin) : Node(origin)
{
    public string Text { get; } = text;

    public override bool NeedsResolution => false;
}
