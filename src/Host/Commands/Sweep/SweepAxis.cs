using System.Text;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>One <c>--set KEY=V1,V2,...</c> of <c>edgemoe sweep</c>: a full HOCON path and its values, as HOCON text.</summary>
/// <param name="Key">Full path, e.g. <c>edgemoe.stable-moe.arrival-rate</c>.</param>
/// <param name="Values">The values in the order given, each a HOCON value (number, string, list, ...).</param>
internal sealed record SweepAxis(string Key, IReadOnlyList<string> Values)
{
    /// <summary>The key's last segment, the short label of point names and sweep.csv columns.</summary>
    public string ShortLabel => Key[(Key.LastIndexOf('.') + 1)..];

    /// <summary>Parses <c>KEY=V1,V2,...</c>; commas inside brackets, braces or quotes belong to a value.</summary>
    /// <exception cref="BadInputException">No <c>=</c>, an empty key or an empty value.</exception>
    public static SweepAxis Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? "" : text[..equals].Trim();
        if (key.Length == 0)
        {
            throw new BadInputException($"--set {text}: expected KEY=V1,V2,... with KEY a full path such as edgemoe.stable-moe.arrival-rate");
        }

        var values = SplitTopLevel(text[(equals + 1)..]);
        if (values.Any(v => v.Length == 0))
        {
            throw new BadInputException($"--set {key}: empty value in \"{text[(equals + 1)..]}\" (values are separated by commas)");
        }

        return new SweepAxis(key, values);
    }

    private static List<string> SplitTopLevel(string text)
    {
        var values = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '[' or '{')
            {
                depth++;
            }
            else if (!quoted && c is ']' or '}')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                values.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        values.Add(current.ToString().Trim());
        return values;
    }
}
