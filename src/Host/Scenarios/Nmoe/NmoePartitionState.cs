using EdgeMoE.Actors.Nmoe;
using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>Where one partition's run stands after a step: what a checkpoint holds of it.</summary>
/// <param name="Results">The methods finished so far, in table order.</param>
/// <param name="Rounds">The server's rounds so far.</param>
/// <param name="Weights">The host's global networks by key ("fedce", "FedCe-FedGate", ...): of processes under way and finished.</param>
/// <param name="Centralised">The centralised MoE's result when it had finished (it trains beside the steps; rerun when null).</param>
/// <param name="Clients">Every client's state, by index.</param>
/// <param name="Server">The FL server's generators.</param>
internal sealed record NmoePartitionState(
    IReadOnlyList<NmoeMethodResult> Results,
    IReadOnlyList<RoundRecord> Rounds,
    IReadOnlyDictionary<string, ModelWeights> Weights,
    NmoeMethodResult? Centralised,
    IReadOnlyList<FederatedClientState> Clients,
    ServerState Server);
