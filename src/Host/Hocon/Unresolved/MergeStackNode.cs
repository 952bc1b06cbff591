namespace EdgeMoE.Hocon.Unresolved;

/// <summary>
/// Several definitions of one field that cannot be merged before resolution (one of them holds a substitution).
/// Items are in definition order: later items override or merge with earlier ones, and a self-reference in
/// item k sees the merge of items 0..k-1.
/// </summary>
internal sealed class MergeStackNode : Node
{
    private readonly Node?[] _below;

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
}
