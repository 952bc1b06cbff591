using System.Collections;

namespace EdgeMoE.Actors.Runtime;

/// <summary>The logging scope of an actor: one structured property <c>ActorPath</c>.</summary>
public sealed class ActorLogScope(ActorPath path) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The actor the log entry comes from.</summary>
    public ActorPath Path { get; } = path;

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("ActorPath", Path.ToString()) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"ActorPath:{Path}";
}
