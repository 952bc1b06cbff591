namespace EdgeMoE.Hocon;

/// <summary>Where a value was written: a file (or other source name), a 1-based line and a 1-based column.</summary>
/// <param name="Source">File path as it was given to the loader, or a name such as <c>env var HOME</c>.</param>
/// <param name="Line">1-based line; 0 when the source has no lines (environment variables).</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
public sealed record ConfigOrigin(string Source, int Line, int Column)
{
    /// <summary>The origin of values that were built in code rather than read from text.</summary>
    public static ConfigOrigin Code { get; } = new("code", 0, 0);

    /// <summary><c>FILE:LINE</c>, the form used in validation messages.</summary>
    public string FileAndLine => Line > 0 ? $"{Source}:{Line}" : Source;

    /// <summary><c>FILE:LINE:COL</c>, the form used in syntax and resolution errors.</summary>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;
}
