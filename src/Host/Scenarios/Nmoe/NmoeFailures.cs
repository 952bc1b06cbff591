using EdgeMoE.Actors.Edge.Failures;
using EdgeMoE.Host.Cli;
using EdgeMoE.Host.Settings;
using EdgeMoE.Policies.Nmoe;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>
/// Reads <c>edgemoe.nmoe.failures</c> with the failure entries every scenario shares (<see cref="FailureEntries"/>):
/// <c>{ kind = crash-node, node = 3, at-slot = 2, recover-at-slot = 3 }</c>, where node is a client index and a slot
/// is a federated round (from 1). A bad entry fails naming its field, e.g. <c>edgemoe.nmoe.failures[0].node</c>.
/// </summary>
internal static class NmoeFailures
{
    /// <summary>The outages of the list at <c>failures</c>, validated against <paramref name="clients"/>.</summary>
    public static IReadOnlyList<ClientOutage> Read(SettingsReader reader, int clients)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var failures = FailureEntries.Read(reader.Section, clients, clients);
        var outages = new List<ClientOutage>();
        for (var i = 0; i < failures.Count; i++)
        {
            var f = failures[i];
            var path = $"{reader.Section.FullPath("failures")}[{i}]";
            var where = reader.Section.Origin("failures").FileAndLine;
            if (f.Kind != FailureKind.CrashNode)
            {
                throw new BadInputException($"{path}.kind must be crash-node (a client that misses rounds), got {f.KindName} ({where})");
            }

            if (f.FromSlot < 1)
            {
                throw new BadInputException($"{path}.at-slot must be a round >= 1 (rounds count from 1), got {f.FromSlot} ({where})");
            }

            outages.Add(new ClientOutage(f.Target, (int)f.FromSlot, f.UntilSlot is { } back ? (int)back : null));
        }

        return outages;
    }
}
