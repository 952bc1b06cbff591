namespace EdgeMoE.Policies.Mec;

/// <summary>The names of the MEC routing methods, as in settings and outputs.</summary>
public static class MecMethods
{
    /// <summary>The adaptive MoE gate (<see cref="AdaptiveGate"/>).</summary>
    public const string Moe = "moe";

    /// <summary>Nearest available server.</summary>
    public const string Nearest = "nearest";

    /// <summary>Most powerful (highest CPU frequency) available server.</summary>
    public const string MostPowerful = "most-powerful";

    /// <summary>A uniformly random available server.</summary>
    public const string Random = "random";

    /// <summary>Every method, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Moe, Nearest, MostPowerful, Random];
}
