namespace EdgeMoE.Hocon.Unresolved;

/// <summary>
/// Several definitions of one field that cannot be merged before resolution (one of them holds a substitution).
/// Items are in definition order: later items override or merge with earlier ones, and a self-reference in
/// item k sees the merge of items 0..k-1.
/// </summary>
internal sealed class MergeStackNode : Node
{
    private readonly Node?[] _below;
    private readonly Dictionary<string, Node?> _children = new(StringComparer.Ordinal);

    public MergeStackNode(IReadOnlyList<Node> items)
        : base(items[^1].Origin)
    {
        Items = items;
        _below = new Node?[items.Count];
    }

    public IReadOnlyList<Node> Items { get; }

    public override bool NeedsResolution => true;

    /// <summary>The definitions under item <paramref name="index"/>, as one node (the same instance on every call).</summary>
    public Node? Below(int index)
    {
        if (index == 0)
        {
            return null;
        }

        return _below[index] ??= index == 1 ? Items[0] : new MergeStackNode([.. Items.Take(index)]);
    }

    /// <summary>
    /// The definitions of field <paramref name="key"/> across this stack as one node (the same instance on every call):
    /// the objects stacked on top contribute their field directly, everything from the topmost non-object down is a
    /// <see cref="ProjectionNode"/>. A plain value on top hides the rest. Null when no definition can have the key.
    /// </summary>
    public Node? Child(string key, IReadOnlyList<string> path)
    {
        if (_children.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var contributions = new List<Node>();
        var k = Items.Count - 1;
        for (; k >= 0 && Items[k] is ObjectNode o; k--)
        {
            if (!o.TryGetValue(key, out var field))
            {
                continue;
            }

            contributions.Add(field);
            if (field is ScalarNode or ArrayNode)
            {
                k = -1;
                break;
            }
        }

        if (k >= 0)
        {
            contributions.Add(new ProjectionNode(k == Items.Count - 1 ? this : Below(k + 1)!, path, key));
        }

        Node? child = null;
        for (var i = contributions.Count - 1; i >= 0; i--)
        {
            child = NodeMerge.Merge(child, contributions[i]);
        }

        _children[key] = child;
        return child;
    }
}
