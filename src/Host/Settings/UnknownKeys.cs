using EdgeMoE.Hocon;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// Rejects settings under <c>edgemoe</c> that the reference configuration does not define: the known keys are
/// exactly the reference's leaf paths, so an area adds settings by adding them to reference.conf.
/// </summary>
internal static class UnknownKeys
{
    public const string Root = "edgemoe";

    /// <exception cref="BadInputException">The first unknown key, where it was set, and the closest known key.</exception>
    public static void Check(Config merged, Config reference)
    {
        if (!reference.HasPath(Root) || !merged.HasPath(Root))
        {
            return;
        }

        var known = reference.GetConfig(Root).Leaves().Select(l => HoconPath.Render(l.Key)).ToList();
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        foreach (var (path, value) in merged.GetConfig(Root).Leaves())
        {
            var rendered = HoconPath.Render(path);
            if (!knownSet.Contains(rendered))
            {
                throw new BadInputException($"{rendered} is not a known setting ({value.Origin.FileAndLine}){Suggestion(rendered, known)}");
            }
        }
    }

    private static string Suggestion(string unknown, IReadOnlyList<string> known)
    {
        var best = known.Select(k => (Key: k, Distance: EditDistance.Between(unknown, k))).MinBy(x => x.Distance);
        var lastDot = unknown.LastIndexOf('.');
        var parent = lastDot < 0 ? unknown : unknown[..lastDot];
        if (best.Key is not null && best.Distance <= Math.Max(2, unknown[(lastDot + 1)..].Length / 2))
        {
            return $"; did you mean {best.Key}?";
        }

        var siblings = known.Where(k => k.StartsWith(parent + ".", StringComparison.Ordinal)).ToList();
        return siblings.Count > 0 ? $"; known settings under {parent}: {string.Join(", ", siblings)}" : "";
    }
}
