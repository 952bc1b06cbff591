using EdgeMoE.Hocon.Unresolved;

namespace EdgeMoE.Hocon.Syntax;

/// <summary>Folds the parts of a value written on one line: merges objects, joins arrays and strings now when no
/// substitution is involved; otherwise keeps a <see cref="ConcatenationNode"/> for the resolver.</summary>
internal static class Concatenation
{
    public static Node Fold(List<Node> parts, Token terminator)
    {
        while (parts.Count > 0 && parts[0] is WhitespaceNode)
        {
            parts.RemoveAt(0);
        }

        while (parts.Count > 0 && parts[^1] is WhitespaceNode)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw new HoconException(terminator.Origin, $"expected a value, got {terminator.Describe()}");
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        if (parts.Any(p => p.NeedsResolution))
        {
            return new ConcatenationNode(parts, parts[0].Origin);
        }

        var solid = parts.Where(p => p is not WhitespaceNode).ToList();
        if (solid.All(p => p is ObjectNode))
        {
            return solid.Cast<ObjectNode>().Aggregate(NodeMerge.Objects);
        }

        if (solid.All(p => p is ArrayNode))
        {
            return new ArrayNode([.. solid.Cast<ArrayNode>().SelectMany(a => a.Items)], solid[0].Origin);
        }

        var misfit = parts.FirstOrDefault(p => p is ObjectNode or ArrayNode);
        if (misfit is not null)
        {
            var odd = parts.First(p => p is ScalarNode || (p is ObjectNode or ArrayNode && p.GetType() != misfit.GetType()));
            throw new HoconException(odd.Origin, $"cannot concatenate {Describe(odd)} with {Describe(misfit)}");
        }

        var text = string.Concat(parts.Select(p => p is WhitespaceNode w ? w.Text : ((ScalarNode)p).Value.ConcatenationText));
        return new ScalarNode(new HoconString(text, parts[0].Origin));
    }

    private static string Describe(Node node) => node switch
    {
        ObjectNode => "an object",
        ArrayNode => "a list",
        ScalarNode s => $"the {s.Value.Describe()}",
        _ => "a value",
    };
}
