using System.Diagnostics.CodeAnalysis;

namespace EdgeMoE.Hocon.Unresolved;

/// <summary>An object whose fields may still hold substitutions; keys keep their first-defined order.</summary>
internal sealed class ObjectNode : Node
{
    private readonly OrderedFields<Node> _fields;

    public ObjectNode(IReadOnlyList<KeyValuePair<string, Node>> fields, ConfigOrigin origin)
        : base(origin)
    {
        _fields = new OrderedFields<Node>(fields);
    }

    public static ObjectNode Empty(ConfigOrigin origin) => new([], origin);

    public IReadOnlyList<string> Keys => _fields.Keys;

    public IEnumerable<KeyValuePair<string, Node>> Fields => _fields.All;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Node value) => _fields.TryGetValue(key, out value);

    public override bool NeedsResolution => false;
}
