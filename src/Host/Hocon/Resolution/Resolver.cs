using EdgeMoE.Hocon.Unresolved;

namespace EdgeMoE.Hocon.Resolution;

/// <summary>
/// Resolves substitutions of one document. Lookups "look forward" (final values); a self-referential field sees
/// the definitions below it through <see cref="Overrides"/>. Every node is memoised per view, so a substitution
/// instance always resolves to one value; re-entering a node under resolution is a cycle.
/// </summary>
internal sealed class Resolver(ObjectNode root, Func<string, string?> environment)
{
    private readonly Dictionary<(int Node, string View), HoconValue?> _memo = [];
    private readonly HashSet<(int Node, string View)> _inProgress = [];
    private readonly List<SubstitutionNode> _active = [];

    public HoconObject ResolveRoot() => (HoconObject)Resolve(root, [], Overrides.None)!;

    /// <summary>A field's value; a substitution or concatenation may refer to the field itself, so it looks back.</summary>
    private HoconValue? ResolveField(Node node, IReadOnlyList<string> path, Overrides view) =>
        node is SubstitutionNode or ConcatenationNode ? Resolve(node, path, view.With(path, null)) : Resolve(node, path, view);

    private HoconValue? Resolve(Node node, IReadOnlyList<string> path, Overrides view)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.Value;
        }

        var key = (node.Id, view.Key);
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(key))
        {
            throw new SubstitutionCycleException(HoconPath.Render(path));
        }

        try
        {
            var value = node switch
            {
                ObjectNode o => ResolveObject(o, path, view),
                ArrayNode a => ResolveArray(a, path, view),
                SubstitutionNode s => ResolveSubstitution(s, view),
                ConcatenationNode c => ResolveConcatenation(c, path, view),
                MergeStackNode m => ResolveStack(m, path, view),
                ProjectionNode p => Field(ResolveField(p.Source, p.SourcePath, view), p.Key),
                _ => throw new InvalidOperationException($"unexpected node {node.GetType().Name} at {node.Origin}"),
            };
            _memo[key] = value;
            return value;
        }
        finally
        {
            _inProgress.Remove(key);
        }
    }

    private HoconObject ResolveObject(ObjectNode node, IReadOnlyList<string> path, Overrides view)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>();
        foreach (var (key, child) in node.Fields)
        {
            var value = ResolveField(child, [.. path, key], view);
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        return new HoconObject(fields, node.Origin);
    }

    private HoconArray ResolveArray(ArrayNode node, IReadOnlyList<string> path, Overrides view)
    {
        var items = new List<HoconValue>();
        foreach (var item in node.Items)
        {
            // An undefined ${?x} element is simply not added.
            if (Resolve(item, path, view) is { } value)
            {
                items.Add(value);
            }
        }

        return new HoconArray(items, node.Origin);
    }

    private HoconValue? ResolveStack(MergeStackNode node, IReadOnlyList<string> path, Overrides view)
    {
        HoconValue? result = null;
        for (var k = 0; k < node.Items.Count; k++)
        {
            var item = node.Items[k];
            var itemView = item is SubstitutionNode or ConcatenationNode ? view.With(path, node.Below(k)) : view;
            var value = Resolve(item, path, itemView);
            if (value is not null)
            {
                result = result is null ? value : HoconObject.Merge(result, value);
            }
        }

        return result;
    }

    private HoconValue? ResolveConcatenation(ConcatenationNode node, IReadOnlyList<string> path, Overrides view)
    {
        var values = node.Parts.Select(p => p is WhitespaceNode ? null : Resolve(p, path, view)).ToList();
        var solid = node.Parts.Select((p, i) => (Part: p, Value: values[i])).Where(x => x.Part is not WhitespaceNode).ToList();
        if (solid.All(x => x.Value is null))
        {
            return null;
        }

        var container = solid.FirstOrDefault(x => x.Value is HoconObject or HoconArray).Value;
        if (container is null)
        {
            var text = string.Concat(node.Parts.Select((p, i) => p is WhitespaceNode w ? w.Text : values[i]?.ConcatenationText ?? ""));
            return new HoconString(text, node.Origin);
        }

        var wantArray = container is HoconArray;
        var items = new List<HoconValue>();
        HoconObject? merged = null;
        foreach (var (part, value) in solid)
        {
            switch (value)
            {
                case null:
                    continue;
                case HoconArray array when wantArray:
                    items.AddRange(array);
                    break;
                case HoconObject obj when wantArray && ValueConversion.NumericallyIndexed(obj) is { } list:
                    items.AddRange(list);
                    break;
                case HoconObject obj when !wantArray:
                    merged = merged is null ? obj : obj.WithFallback(merged);
                    break;
                default:
                    throw new HoconException(part.Origin,
                        $"cannot concatenate {value.Describe()} with {(wantArray ? "a list" : "an object")} in '{HoconPath.Render(path)}'");
            }
        }

        return wantArray ? new HoconArray(items, node.Origin) : new HoconObject(merged!.Fields, node.Origin);
    }

    private HoconValue? ResolveSubstitution(SubstitutionNode node, Overrides view)
    {
        _active.Add(node);
        try
        {
            IReadOnlyList<IReadOnlyList<string>> candidates = node.IncludePrefix.Count > 0
                ? [[.. node.IncludePrefix, .. node.Path], node.Path]
                : [node.Path];
            var selfReference = false;
            foreach (var candidate in candidates)
            {
                LookupResult result;
                try
                {
                    result = Lookup(candidate, view);
                }
                catch (SubstitutionCycleException) when (node.Optional)
                {
                    // The spec treats a cycle like a missing value for ${?...}.
                    result = LookupResult.Missing;
                }
                catch (SubstitutionCycleException cycle)
                {
                    var chain = string.Join(" -> ", _active.Select(s => $"{s} ({s.Origin.Line}:{s.Origin.Column})"));
                    throw new HoconException(node.Origin, $"substitution cycle through '{cycle.Path}': {chain}");
                }

                if (result.Found)
                {
                    return result.Value;
                }

                selfReference |= result.SelfReference;
            }

            var variable = string.Join('.', node.Path);
            if (environment(variable) is { } fromEnvironment)
            {
                return new HoconString(fromEnvironment, new ConfigOrigin($"environment variable {variable}", 0, 0));
            }

            if (node.Optional)
            {
                return null;
            }

            var rendered = HoconPath.Render(node.Path);
            throw new HoconException(node.Origin, selfReference
                ? $"cannot resolve {node}: it refers to '{rendered}' itself and no earlier value of '{rendered}' is defined"
                : $"cannot resolve {node}: no setting at '{rendered}' and no environment variable '{variable}'");
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>Finds the value at <paramref name="target"/>, resolving only what lies on the way there.</summary>
    private LookupResult Lookup(IReadOnlyList<string> target, Overrides view)
    {
        Node node = root;
        HoconValue? resolved = null;
        var lookedBack = false;
        var path = new List<string>();
        foreach (var key in target)
        {
            var evaluation = lookedBack ? view : Overrides.None;
            if (resolved is null)
            {
                Node? child = null;
                switch (node)
                {
                    case ObjectNode o:
                        if (!o.TryGetValue(key, out child))
                        {
                            return LookupResult.Missing;
                        }

                        break;
                    case MergeStackNode stack:
                        child = stack.Child(key, [.. path]);
                        break;
                    default:
                        resolved = Field(ResolveField(node, [.. path], evaluation), key);
                        break;
                }

                if (child is null && resolved is null)
                {
                    return LookupResult.Missing;
                }

                path.Add(key);
                if (view.TryGet(path, out var below))
                {
                    if (below is null)
                    {
                        return LookupResult.BlockedBySelfReference;
                    }

                    lookedBack = true;
                    resolved = null;
                    child = below;
                }

                if (child is not null)
                {
                    node = child;
                }
            }
            else
            {
                resolved = Field(resolved, key);
                path.Add(key);
                if (resolved is null)
                {
                    return LookupResult.Missing;
                }
            }
        }

        var value = resolved ?? ResolveField(node, path, lookedBack ? view : Overrides.None);
        return value is null ? LookupResult.Missing : new LookupResult(value, false);
    }

    private static HoconValue? Field(HoconValue? value, string key) =>
        value is HoconObject o && o.TryGetValue(key, out var child) ? child : null;
}
