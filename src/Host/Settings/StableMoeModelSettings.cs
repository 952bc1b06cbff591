using EdgeMoE.Actors.Edge.Failures;

namespace EdgeMoE.Host.Settings;

/// <summary>
/// The learning side of the Stable-MoE scenario, in <c>edgemoe.stable-moe</c>: the experts' and the gate's networks,
/// the accuracy subset, and planned server outages.
/// </summary>
/// <param name="ExpertChannels">Output channels of each conv3×3 + ReLU + max-pool-2 block of an expert (1–4 blocks, each ≥ 1).</param>
/// <param name="ExpertFeatures">Width of the expert's projection layer before its linear class head (≥ 1).</param>
/// <param name="GateHidden">Hidden units of the router's feed-forward gate; 0 makes it linear.</param>
/// <param name="TestEvalSubset">Test images of the fixed seeded subset used at intermediate accuracy points (≥ 1).</param>
/// <param name="Outages">Server outage windows, by server index.</param>
/// <param name="Nodes">Edge nodes the servers are spread over (server j on node j mod nodes), for node failures.</param>
/// <param name="Failures">Scheduled failures (<c>failures</c>), in configuration order.</param>
public sealed record StableMoeModelSettings(
    IReadOnlyList<int> ExpertChannels, int ExpertFeatures, int GateHidden, int TestEvalSubset, IReadOnlyList<ServerOutage> Outages,
    int Nodes, IReadOnlyList<ScheduledFailure> Failures)
{
    internal static StableMoeModelSettings Read(SettingsReader r, int servers)
    {
        var channels = r.Section.GetIntList("expert-channels");
        r.Require("expert-channels", channels.Count is >= 1 and <= 4 && channels.All(c => c >= 1), "a list of 1 to 4 channel counts, each >= 1", "[" + string.Join(", ", channels) + "]");
        return new StableMoeModelSettings(
            channels,
            r.Int("expert-features", min: 1),
            r.Int("gate-hidden", min: 0),
            r.Int("test-eval-subset", min: 1),
            [.. r.Section.GetStringList("outages").Select(text => ServerOutage.Parse(text, servers, r))],
            r.Int("nodes", min: 1, max: servers),
            FailureEntries.Read(r.Section, servers, r.Section.GetInt("nodes")));
    }
}
