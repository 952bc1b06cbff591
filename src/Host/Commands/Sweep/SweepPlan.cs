using System.Globalization;
using System.Text;
using EdgeMoE.Hocon;
using HoconConfig = EdgeMoE.Hocon.Config;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Commands.Sweep;

/// <summary>The cross product of a sweep's axes times its seeds, as named points in a deterministic order.</summary>
internal static class SweepPlan
{
    public const string SeedKey = "edgemoe.run.seed";
    public const string OutputKey = "edgemoe.run.output-dir";

    /// <summary>
    /// Checks every axis against <paramref name="reference"/> (the known keys) and every value as HOCON, then lists the
    /// points: the first axis varies slowest, seeds 1..<paramref name="seeds"/> (when given) fastest.
    /// </summary>
    /// <exception cref="BadInputException">An unknown or repeated key, a bad value, or names that would collide.</exception>
    public static IReadOnlyList<SweepPoint> Points(IReadOnlyList<SweepAxis> axes, int? seeds, HoconConfig reference)
    {
        Check(axes, seeds, reference);
        var labels = Labels(axes);
        var seedList = seeds is { } n ? Enumerable.Range(1, n).Select(s => (int?)s).ToList() : [null];
        var combinations = new List<List<int>> { new() };
        foreach (var axis in axes)
        {
            combinations = [.. combinations.SelectMany(c => Enumerable.Range(0, axis.Values.Count).Select(v => (List<int>)[.. c, v]))];
        }

        var points = new List<SweepPoint>();
        foreach (var combination in combinations)
        {
            foreach (var seed in seedList)
            {
                var parts = combination.Select((v, a) => $"{Safe(labels[a])}={Safe(axes[a].Values[v])}").ToList();
                if (seed is { } s)
                {
                    parts.Add(string.Create(CultureInfo.InvariantCulture, $"seed={s}"));
                }

                var name = parts.Count == 0 ? "scenario" : string.Join('_', parts);
                points.Add(new SweepPoint(points.Count, name, [.. combination.Select((v, a) => KeyValuePair.Create(axes[a].Key, axes[a].Values[v]))], seed));
            }
        }

        var clash = points.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new BadInputException($"--set: two points would share the folder runs/{clash.Key}; give values that differ in letters, digits, '.', '+' or '-'");
        }

        return points;
    }

    /// <summary>Column and name labels: each key's last segment, or the full key where two last segments agree.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<SweepAxis> axes) =>
        [.. axes.Select(a => axes.Count(b => b.ShortLabel == a.ShortLabel) > 1 ? a.Key : a.ShortLabel)];

    private static void Check(IReadOnlyList<SweepAxis> axes, int? seeds, HoconConfig reference)
    {
        if (seeds is < 1)
        {
            throw new BadInputException($"--seeds {seeds}: must be at least 1");
        }

        var repeated = axes.GroupBy(a => a.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new BadInputException($"--set {repeated.Key}: given twice; list all its values in one --set");
        }

        foreach (var axis in axes)
        {
            if (axis.Key == OutputKey)
            {
                throw new BadInputException($"--set {OutputKey}: the sweep puts each point in DIR/runs/<point>; use --out DIR");
            }

            if (axis.Key == SeedKey && seeds is not null)
            {
                throw new BadInputException($"--set {SeedKey} and --seeds both set the seed; use one of them");
            }

            var known = Find(reference, axis.Key);
            if (known is null or HoconObject { Count: > 0 })
            {
                throw new BadInputException($"--set {axis.Key}: not a setting of reference.conf (give the full path of a key, e.g. edgemoe.stable-moe.arrival-rate)");
            }

            foreach (var value in axis.Values)
            {
                try
                {
                    HoconConfig.Parse($"{axis.Key} = {value}", "--set");
                }
                catch (HoconException e)
                {
                    throw new BadInputException($"--set {axis.Key}: \"{value}\" is not a HOCON value ({e.Message})", e);
                }
            }
        }
    }

    private static HoconValue? Find(HoconConfig reference, string key)
    {
        try
        {
            return reference.Find(key);
        }
        catch (HoconException)
        {
            return null;
        }
    }

    /// <summary>A value as a folder-name fragment: quotes dropped, anything but letters, digits, '.', '+' and '-' as '_'.</summary>
    private static string Safe(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.Trim('"'))
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-' ? c : '_');
        }

        var safe = text.ToString();
        return safe.Length == 0 || safe.All(c => c == '.') ? "_" : safe;
    }
}
