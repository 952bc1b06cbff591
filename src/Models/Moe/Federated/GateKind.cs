namespace EdgeMoE.Models.Moe.Federated;

/// <summary>How a client picks the expert of a sample at inference (stage 3).</summary>
public enum GateKind
{
    /// <summary>A uniformly random client's expert.</summary>
    RanGate,

    /// <summary>A gate trained client after client on pseudo client labels.</summary>
    RollGate,

    /// <summary>A gate trained by FedAvg on the mixture likelihood of the frozen experts.</summary>
    FedGate,
}
