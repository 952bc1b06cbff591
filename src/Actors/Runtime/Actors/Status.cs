namespace EdgeMoE.Actors.Runtime;

/// <summary>Replies that carry an outcome rather than data; an <c>Ask</c> that receives <see cref="Failure"/> faults with its cause.</summary>
public static class Status
{
    /// <summary>An operation succeeded.</summary>
    public sealed record Success(object? Value);

    /// <summary>An operation failed.</summary>
    public sealed record Failure(Exception Cause);
}
