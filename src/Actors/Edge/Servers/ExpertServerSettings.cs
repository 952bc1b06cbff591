using EdgeMoE.Models.Compute;
using EdgeMoE.Models.Moe;

namespace EdgeMoE.Actors.Edge.Servers;

/// <summary>One edge server: its hardware and budgets, its expert network and its planned outages.</summary>
/// <param name="Index">Server index j (0-based).</param>
/// <param name="Profile">c, ξ_j, τ, f_max, E_max_j, E_avg_j.</param>
/// <param name="Network">Architecture of the expert on the token items (the scenario's CNN, or a tiny MLP in <c>bench scale</c>).</param>
/// <param name="Classes">Outputs of the expert (class logits).</param>
/// <param name="LearningRate">Adam learning rate of the expert (&gt; 0).</param>
/// <param name="Outages">Windows of slots in which the server is unavailable.</param>
public sealed record ExpertServerSettings(
    int Index, ServerProfile Profile, IExpertShape Network, int Classes, float LearningRate, IReadOnlyList<OutageWindow> Outages)
{
    /// <summary>True when the server is up in <paramref name="slot"/>.</summary>
    public bool IsAvailable(long slot) => !Outages.Any(w => w.Covers(slot));
}
