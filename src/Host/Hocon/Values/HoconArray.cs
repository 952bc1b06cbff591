using System.Collections;

namespace EdgeMoE.Hocon;

/// <summary>An immutable list of resolved values.</summary>
public sealed class HoconArray(IReadOnlyList<HoconValue> items, ConfigOrigin origin) : HoconValue(origin), IReadOnlyList<HoconValue>
{
    private readonly HoconValue[] _items = [.. items];

    public HoconValue this[int index] => _items[index];

    public int Count => _items.Length;

    public override HoconValueType Type => HoconValueType.Array;

    public override string Describe() => $"list of {Count}";

    public IEnumerator<HoconValue> GetEnumerator() => ((IEnumerable<HoconValue>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
