namespace EdgeMoE.Host.Settings;

/// <summary>The values of <c>edgemoe.run.scenario</c>: one per emulation <c>edgemoe run</c> knows.</summary>
public static class ScenarioNames
{
    /// <summary>Stable-MoE: Lyapunov token routing over edge servers (hocon/stable-moe.conf).</summary>
    public const string StableMoe = "stable-moe";

    /// <summary>Channel-aware gating: naive against channel-aware gates over noisy feature links (hocon/channel-aware.conf).</summary>
    public const string ChannelAware = "channel-aware";

    /// <summary>Every scenario name, in the order the help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [StableMoe, ChannelAware];
}
