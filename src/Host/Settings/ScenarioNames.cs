namespace EdgeMoE.Host.Settings;

/// <summary>The values of <c>edgemoe.run.scenario</c>: one per emulation <c>edgemoe run</c> knows.</summary>
public static class ScenarioNames
{
    /// <summary>Stable-MoE: Lyapunov token routing over edge servers (hocon/stable-moe.conf).</summary>
    public const string StableMoe = "stable-moe";

    /// <summary>MoE for mobile edge computing: servers as experts under availability, continual learning (hocon/mec.conf).</summary>
    public const string Mec = "mec";

    /// <summary>JESA: expert and subcarrier selection per layer of a distributed MoE transformer (hocon/jesa.conf).</summary>
    public const string Jesa = "jesa";

    /// <summary>Channel-aware gating: naive against channel-aware gates over noisy feature links (hocon/channel-aware.conf).</summary>
    public const string ChannelAware = "channel-aware";

    /// <summary>Federated networked MoE: FedCE/FedSC extractors, personal experts, RanGate/RollGate/FedGate (hocon/nmoe.conf).</summary>
    public const string Nmoe = "nmoe";

    /// <summary>Every scenario name, in the order the help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [StableMoe, Mec, Jesa, ChannelAware, Nmoe];
}
