namespace EdgeMoE.Hocon.Unresolved;

/// <summary>The spec's duplicate-key rule on unresolved values: objects merge, a later non-object replaces, and
/// anything involving a substitution is kept as a <see cref="MergeStackNode"/> to be decided at resolution.</summary>
internal static class NodeMerge
{
    public static Node Merge(Node? under, Node over)
    {
        if (under is null)
        {
            return over;
        }

        switch (over)
        {
            case ObjectNode overObject when under is ObjectNode underObject:
                return Objects(underObject, overObject);
            case ObjectNode when under is ScalarNode or ArrayNode:
            case ScalarNode or ArrayNode:
                // A non-object, or an object over a non-object, hides whatever was there, even unresolved substitutions.
                return over;
            case MergeStackNode overStack:
                var result = under;
                foreach (var item in overStack.Items)
                {
                    result = Merge(result, item);
                }

                return result;
            default:
                return under is MergeStackNode stack ? new MergeStackNode([.. stack.Items, over]) : new MergeStackNode([under, over]);
        }
    }

    /// <summary>Fields of <paramref name="over"/> merged onto <paramref name="under"/>; keys keep their first position.</summary>
    public static ObjectNode Objects(ObjectNode under, ObjectNode over)
    {
        var fields = new List<KeyValuePair<string, Node>>();
        foreach (var (key, value) in under.Fields)
        {
            fields.Add(new(key, over.TryGetValue(key, out var top) ? Merge(value, top) : value));
        }

        foreach (var (key, value) in over.Fields)
        {
            if (!under.TryGetValue(key, out _))
            {
                fields.Add(new(key, value));
            }
        }

        return new ObjectNode(fields, under.Origin);
    }
}
