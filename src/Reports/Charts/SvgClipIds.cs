using System.Text.RegularExpressions;

namespace EdgeMoE.Reports.Charts;

/// <summary>
/// Skia numbers an SVG's clip paths from a counter shared by the whole process (cl_4 in one file, cl_b in the next), so
/// the same chart would differ by the charts drawn before it; renumbering them by first appearance makes the bytes
/// depend on the chart alone.
/// </summary>
public static partial class SvgClipIds
{
    /// <summary>The SVG text with every <c>cl_*</c> id (and reference to it) renamed clip0, clip1, ... in order of first appearance; text is left alone.</summary>
    public static string Renumber(string svg)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!names.TryGetValue(m.Value, out var name))
            {
                name = $"clip{names.Count}";
                names[m.Value] = name;
            }

            return name;
        });
    }

    [GeneratedRegex(@"(?<=id=""|url\(#)cl_[0-9a-f]+\b")]
    private static partial Regex ClipId();
}
