using System.Globalization;
using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Hocon;
using EdgeMoE.Host.Cli;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// Reads a scenario's <c>failures</c> list: objects such as <c>{ kind = crash-node, node = 1, at-slot = 60,
/// recover-at-slot = 90 }</c>. Every mistake names the entry and its key, e.g.
/// <c>edgemoe.stable-moe.failures[2].server must be in [0, 9], got 12 (run.conf:14)</c>.
/// </summary>
public static class FailureEntries
{
    private static readonly Dictionary<string, (FailureKind Kind, string Target, string[] Required, string[] Optional)> Kinds = new(StringComparer.Ordinal)
    {
        ["crash-server"] = (FailureKind.CrashServer, "server", ["server", "at-slot"], ["recover-at-slot"]),
        ["crash-node"] = (FailureKind.CrashNode, "node", ["node", "at-slot"], ["recover-at-slot"]),
        ["partition"] = (FailureKind.Partition, "node", ["node", "from-slot", "to-slot"], []),
        ["slow-link"] = (FailureKind.SlowLink, "server", ["server", "from-slot", "to-slot", "rate-factor"], []),
    };

    /// <summary>Reads <c>failures</c> of <paramref name="section"/> for a network of <paramref name="servers"/> servers on <paramref name="nodes"/> nodes.</summary>
    /// <exception cref="BadInputException">An entry that is not an object, an unknown kind or key, a missing key, or a value out of range.</exception>
    public static IReadOnlyList<ScheduledFailure> Read(Config section, int servers, int nodes)
    {
        var key = section.FullPath("failures");
        if (section.GetValue("failures") is not HoconArray list)
        {
            throw new BadInputException($"{key} must be a list of failure objects, got {section.GetValue("failures").Describe()} ({section.Origin("failures").FileAndLine})");
        }

        var failures = new List<ScheduledFailure>();
        for (var i = 0; i < list.Count; i++)
        {
            failures.Add(Entry(list[i], $"{key}[{i}]", servers, nodes));
        }

        return failures;
    }

    private static ScheduledFailure Entry(HoconValue value, string name, int servers, int nodes)
    {
        if (value is not HoconObject entry)
        {
            throw Bad(name, "an object such as { kind = crash-server, server = 3, at-slot = 40 }", value.Describe(), value.Origin);
        }

        if (!entry.TryGetValue("kind", out var kindValue) || kindValue is not HoconString kindText)
        {
            throw Bad($"{name}.kind", $"one of {string.Join(", ", Kinds.Keys)}", kindValue?.Describe() ?? "nothing", kindValue?.Origin ?? entry.Origin);
        }

        if (!Kinds.TryGetValue(kindText.Value, out var kind))
        {
            throw Bad($"{name}.kind", $"one of {string.Join(", ", Kinds.Keys)}", $"\"{kindText.Value}\"", kindText.Origin);
        }

        foreach (var field in entry.Keys)
        {
            if (field != "kind" && !kind.Required.Contains(field) && !kind.Optional.Contains(field))
            {
                throw new BadInputException(
                    $"{name}.{field}: a {kindText.Value} entry has no key \"{field}\" (its keys: kind, {string.Join(", ", kind.Required.Concat(kind.Optional))}) ({entry[field].Origin.FileAndLine})");
            }
        }

        foreach (var field in kind.Required)
        {
            if (!entry.TryGetValue(field, out _))
            {
                throw new BadInputException($"{name}.{field} is missing: a {kindText.Value} entry needs {string.Join(", ", kind.Required)} ({entry.Origin.FileAndLine})");
            }
        }

        var targets = kind.Target == "server" ? servers : nodes;
        var target = Integer(entry, name, kind.Target, 0, targets - 1);
        return kind.Kind switch
        {
            FailureKind.CrashServer or FailureKind.CrashNode => Crash(entry, name, kind.Kind, target),
            FailureKind.Partition => new ScheduledFailure(kind.Kind, target, Integer(entry, name, "from-slot", 0, long.MaxValue - 1), Until(entry, name, "from-slot", "to-slot")),
            _ => new ScheduledFailure(
                kind.Kind, target, Integer(entry, name, "from-slot", 0, long.MaxValue - 1), Until(entry, name, "from-slot", "to-slot"), Factor(entry, name)),
        };
    }

    private static ScheduledFailure Crash(HoconObject entry, string name, FailureKind kind, int target)
    {
        var at = Integer(entry, name, "at-slot", 0, long.MaxValue - 1);
        long? recover = entry.TryGetValue("recover-at-slot", out _) ? Until(entry, name, "at-slot", "recover-at-slot") : null;
        return new ScheduledFailure(kind, target, at, recover);
    }

    private static long Until(HoconObject entry, string name, string fromKey, string toKey)
    {
        var from = Integer(entry, name, fromKey, 0, long.MaxValue - 1);
        var to = Integer(entry, name, toKey, 0, long.MaxValue);
        if (to <= from)
        {
            throw Bad($"{name}.{toKey}", $"after {fromKey} ({from})", to.ToString(CultureInfo.InvariantCulture), entry[toKey].Origin);
        }

        return to;
    }

    private static double Factor(HoconObject entry, string name)
    {
        var value = entry["rate-factor"];
        var factor = value is HoconNumber number ? number.Value : double.NaN;
        if (!(factor > 0 && factor <= 1))
        {
            throw Bad($"{name}.rate-factor", "a number in (0, 1]", value is HoconNumber n ? n.Text : value.Describe(), value.Origin);
        }

        return factor;
    }

    private static int Integer(HoconObject entry, string name, string field, long min, long max)
    {
        var value = entry[field];
        var number = value is HoconNumber n ? n.AsLong() : null;
        if (number is null || number < min || number > max)
        {
            var range = max >= int.MaxValue ? $"an integer >= {min}" : $"an integer in [{min}, {max}]";
            throw Bad($"{name}.{field}", range, value is HoconNumber text ? text.Text : value.Describe(), value.Origin);
        }

        return (int)Math.Min(number.Value, int.MaxValue);
    }

    private static BadInputException Bad(string key, string expectation, string got, ConfigOrigin origin) =>
        new($"{key} must be {expectation}, got {got} ({origin.FileAndLine})");
}
