namespace EdgeMoE.Hocon;

/// <summary>Options for resolving substitutions.</summary>
/// <param name="Environment">Looks up an environment variable by name (null when undefined); used for
/// substitutions not found in the configuration.</param>
public sealed record HoconResolveOptions(Func<string, string?> Environment)
{
    /// <summary>Falls back to the process environment.</summary>
    public static HoconResolveOptions Default { get; } = new(System.Environment.GetEnvironmentVariable);

    /// <summary>No environment fallback at all (reproducible resolution).</summary>
    public static HoconResolveOptions NoEnvironment { get; } = new(_ => null);
}
