using System.Diagnostics.CodeAnalysis;

namespace EdgeMoE.Hocon;

/// <summary>Immutable string-keyed fields that keep first-definition order; a repeated key keeps its position and takes the later value.</summary>
internal sealed class OrderedFields<T>
{
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public OrderedFields(IEnumerable<KeyValuePair<string, T>> fields)
    {
        foreach (var (key, value) in fields)
        {
            if (_byKey.TryAdd(key, value))
            {
                _keys.Add(key);
            }
            else
            {
                _byKey[key] = value;
            }
        }
    }

    public IReadOnlyList<string> Keys => _keys;

    public T this[string key] => _byKey[key];

    public IEnumerable<KeyValuePair<string, T>> All => _keys.Select(k => new KeyValuePair<string, T>(k, _byKey[k]));

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _byKey.TryGetValue(key, out value);

    public bool ContainsKey(string key) => _byKey.ContainsKey(key);
}
