namespace EdgeMoE.Hocon;

/// <summary>
/// A configuration is wrong: bad syntax, an unresolved substitution, a cycle, or a value of the wrong type.
/// The message is always <c>FILE:LINE:COL: what is wrong</c> when the place is known.
/// </summary>
public sealed class HoconException : Exception
{
    /// <summary>Creates an error located at <paramref name="origin"/>.</summary>
    public HoconException(ConfigOrigin origin, string reason)
        : base($"{origin}: {reason}")
    {
        Origin = origin;
        Reason = reason;
    }

    /// <summary>Creates an error whose place is not a single value (e.g. a missing path).</summary>
    public HoconException(string reason)
        : base(reason)
    {
        Reason = reason;
    }

    /// <summary>Where the offending text or value was written, when known.</summary>
    public ConfigOrigin? Origin { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }
}
