using System.Diagnostics.CodeAnalysis;

namespace EdgeMoE.Hocon.Unresolved;

/// <summary>An object whose fields may still hold substitutions; keys keep their first-defined order.</summary>
internal sealed class ObjectNode : Node
{
    private readonly Dictionary<string, Node> _fields;

    public ObjectNode(IReadOnlyList<KeyValuePair<string, Node>> fields, ConfigOrigin origin)
        : base(origin)
    {
        _fields = new Dictionary<string, Node>(StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var (key, value) in fields)
        {
            if (_fields.TryAdd(key, value))
            {
                keys.Add(key);
            }
            else
            {
                _fields[key] = value;
            }
        }

        Keys = keys;
    }

    public static ObjectNode Empty(ConfigOrigin origin) => new([], origin);

    public IReadOnlyList<string> Keys { get; }

    public IEnumerable<KeyValuePair<string, Node>> Fields => Keys.Select(k => new KeyValuePair<string, Node>(k, _fields[k]));

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Node value) => _fields.TryGetValue(key, out value);

    public override bool NeedsResolution => false;
}
