using System.Collections.Immutable;
using EdgeMoE.Hocon.Unresolved;

namespace EdgeMoE.Hocon.Resolution;

/// <summary>
/// The "look back" view of the document used while resolving a self-referential field: the field's own path is
/// replaced by the definitions below it (or removed when there are none), as the spec's suggested implementation says.
/// </summary>
internal sealed class Overrides
{
    private readonly ImmutableSortedDictionary<string, Node?> _byPath;

    private Overrides(ImmutableSortedDictionary<string, Node?> byPath)
    {
        _byPath = byPath;
        Key = string.Join(";", byPath.Select(p => $"{p.Key}={p.Value?.Id ?? 0}"));
    }

    /// <summary>No overrides: every lookup sees the final value ("look forward").</summary>
    public static Overrides None { get; } = new(ImmutableSortedDictionary.Create<string, Node?>(StringComparer.Ordinal));

    /// <summary>Identifies this view for memoisation and cycle detection.</summary>
    public string Key { get; }

    /// <summary>This view with <paramref name="path"/> replaced by <paramref name="below"/> (null: removed).</summary>
    public Overrides With(IReadOnlyList<string> path, Node? below) => new(_byPath.SetItem(PathKey(path), below));

    /// <summary>Whether <paramref name="path"/> is replaced, and by what (null: removed).</summary>
    public bool TryGet(IReadOnlyList<string> path, out Node? below) => _byPath.TryGetValue(PathKey(path), out below);

    private static string PathKey(IReadOnlyList<string> path) => HoconPath.Render(path);
}
