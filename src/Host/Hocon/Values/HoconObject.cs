using System.Diagnostics.CodeAnalysis;

namespace EdgeMoE.Hocon;

/// <summary>An immutable object whose keys keep the order in which they were first defined.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly OrderedFields<HoconValue> _fields;

    /// <summary>Creates an object from fields in definition order; keys must be distinct.</summary>
    public HoconObject(IEnumerable<KeyValuePair<string, HoconValue>> fields, ConfigOrigin origin)
        : this(fields, origin, ignoresFallbacks: false)
    {
    }

    private HoconObject(IEnumerable<KeyValuePair<string, HoconValue>> fields, ConfigOrigin origin, bool ignoresFallbacks)
        : base(origin)
    {
        IgnoresFallbacks = ignoresFallbacks;
        _fields = new OrderedFields<HoconValue>(fields);
    }

    /// <summary>An object with no fields.</summary>
    public static HoconObject Empty(ConfigOrigin origin) => new([], origin);

    /// <summary>Keys in definition order.</summary>
    public IReadOnlyList<string> Keys => _fields.Keys;

    public int Count => _fields.Keys.Count;

    public HoconValue this[string key] => _fields[key];

    /// <summary>Fields in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields.All;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    public override HoconValueType Type => HoconValueType.Object;

    public override string Describe() => "object";

    /// <summary>
    /// This object with <paramref name="fallback"/> underneath: fields in both that are objects are merged
    /// recursively; otherwise this object's value wins. Keys keep their first-defined position.
    /// </summary>
    public HoconObject WithFallback(HoconObject fallback)
    {
        if (IgnoresFallbacks)
        {
            return this;
        }

        var merged = new List<KeyValuePair<string, HoconValue>>();
        foreach (var (key, under) in fallback.Fields)
        {
            merged.Add(new(key, _fields.TryGetValue(key, out var over) ? Merge(under, over) : under));
        }

        foreach (var (key, over) in Fields)
        {
            if (!fallback._fields.ContainsKey(key))
            {
                merged.Add(new(key, over));
            }
        }

        return new HoconObject(merged, Origin, fallback.IgnoresFallbacks);
    }

    /// <summary>The spec's merge of two values: objects merge, anything else on top replaces what is under it.</summary>
    public static HoconValue Merge(HoconValue under, HoconValue over) => (over, under) switch
    {
        (HoconObject o, HoconObject u) => o.WithFallback(u),
        // An object over a non-object must not merge with objects further down (the spec's "hidden" fallbacks).
        (HoconObject o, _) => new HoconObject(o.Fields, o.Origin, ignoresFallbacks: true),
        _ => over,
    };

    /// <summary>True when this object was set over a non-object, so later fallbacks cannot merge into it.</summary>
    internal bool IgnoresFallbacks { get; }
}
