using System.Globalization;
using EdgeMoE.Hocon;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// Reads <c>edgemoe.nmoe.failures</c>: entries <c>{ kind = crash-node, node = 3, at-slot = 2, recover-at-slot = 3 }</c>,
/// where node is a client index and a slot is a federated round (from 1). A bad entry fails naming its field,
/// e.g. <c>edgemoe.nmoe.failures[0].node</c>.
/// </summary>
internal static class NmoeFailures
{
    /// <summary>The failure kinds a client supports.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["crash-node"];

    private static readonly IReadOnlyList<string> Fields = ["kind", "node", "at-slot", "recover-at-slot"];

    /// <summary>The outages of the list at <c>failures</c>, validated against <paramref name="clients"/>.</summary>
    public static IReadOnlyList<ClientOutage> Read(SettingsReader reader, int clients)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = reader.Section.GetList("failures");
        var outages = new List<ClientOutage>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = reader.Section.FullPath($"failures[{i}]");
            if (list[i] is not HoconObject entry)
            {
                throw new BadInputException($"{path} must be an object {{ kind = crash-node, node = N, at-slot = T, recover-at-slot = T2 }}, got {list[i].Describe()} ({list[i].Origin.FileAndLine})");
            }

            foreach (var key in entry.Keys.Where(k => !Fields.Contains(k)))
            {
                throw new BadInputException($"{path}.{key} is not a failure field (expected {string.Join(", ", Fields)}) ({entry[key].Origin.FileAndLine})");
            }

            var kind = Text(entry, path, "kind");
            Require(entry, path, "kind", Kinds.Contains(kind), $"one of {string.Join(", ", Kinds)}", $"\"{kind}\"");
            var node = Integer(entry, path, "node");
            Require(entry, path, "node", node >= 0 && node < clients, $"a client index in [0, {clients - 1}]", node);
            var at = Integer(entry, path, "at-slot");
            Require(entry, path, "at-slot", at is >= 1 and <= 100_000, "a round in [1, 100000]", at);
            long? recover = entry.TryGetValue("recover-at-slot", out var value) && value is not HoconNull ? Integer(entry, path, "recover-at-slot") : null;
            Require(entry, path, "recover-at-slot", recover is null || (recover > at && recover <= 100_000), $"a round after at-slot ({at})", recover ?? 0);
            outages.Add(new ClientOutage((int)node, (int)at, (int?)recover));
        }

        return outages;
    }

    private static string Text(HoconObject entry, string path, string field) =>
        Value(entry, path, field) switch
        {
            HoconString s => s.Value,
            var other => throw new BadInputException($"{path}.{field} must be a string, got {other.Describe()} ({other.Origin.FileAndLine})"),
        };

    private static long Integer(HoconObject entry, string path, string field) =>
        Value(entry, path, field) switch
        {
            HoconNumber n when n.AsLong() is { } v => v,
            var other => throw new BadInputException($"{path}.{field} must be an integer, got {other.Describe()} ({other.Origin.FileAndLine})"),
        };

    private static HoconValue Value(HoconObject entry, string path, string field) =>
        entry.TryGetValue(field, out var value) ? value : throw new BadInputException($"{path}.{field} is missing ({entry.Origin.FileAndLine})");

    private static void Require(HoconObject entry, string path, string field, bool ok, string expectation, object got)
    {
        if (!ok)
        {
            throw new BadInputException($"{path}.{field} must be {expectation}, got {Convert.ToString(got, CultureInfo.InvariantCulture)} ({entry[field].Origin.FileAndLine})");
        }
    }
}
