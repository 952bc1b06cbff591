namespace EdgeMoE.Hocon;

/// <summary>A resolved, immutable configuration value; every value remembers where it was written.</summary>
public abstract class HoconValue(ConfigOrigin origin)
{
    /// <summary>File, line and column where this value was defined.</summary>
    public ConfigOrigin Origin { get; } = origin;

    /// <summary>The JSON type of this value.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>A short description for error messages, e.g. <c>string "abc"</c> or <c>object</c>.</summary>
    public abstract string Describe();

    /// <summary>The text this value contributes to a string concatenation (simple values only).</summary>
    internal virtual string? ConcatenationText => null;
}
