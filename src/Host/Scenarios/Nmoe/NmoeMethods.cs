using EdgeMoE.Models.Moe.Federated;

namespace EdgeMoE.Host.Scenarios.Nmoe;

/// <summary>The method labels of summary.json, in the order of the table.</summary>
internal static class NmoeMethods
{
    /// <summary>The networked-MoE variants: (label, extractor, gate).</summary>
    public static readonly IReadOnlyList<(string Label, ExtractorKind Extractor, GateKind Gate)> Gated =
    [
        ("fedce+fedgate", ExtractorKind.FedCe, GateKind.FedGate),
        ("fedsc+fedgate", ExtractorKind.FedSc, GateKind.FedGate),
        ("fedce+rollgate", ExtractorKind.FedCe, GateKind.RollGate),
        ("fedce+rangate", ExtractorKind.FedCe, GateKind.RanGate),
        ("fedsc+rollgate", ExtractorKind.FedSc, GateKind.RollGate),
        ("fedsc+rangate", ExtractorKind.FedSc, GateKind.RanGate),
    ];

    /// <summary>FedAvg of the local classifier.</summary>
    public const string FedAvg = "fedavg";

    /// <summary>Each client's classifier trained alone.</summary>
    public const string Local = "local";

    /// <summary>The MoE trained centrally on all clients' data.</summary>
    public const string CentralisedMoe = "centralised-moe";

    /// <summary>Every label, in table order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Gated.Select(g => g.Label), FedAvg, Local, CentralisedMoe];
}
