namespace EdgeMoE.Hocon.Unresolved;

/// <summary>A value as parsed, before substitutions are resolved. Nodes are never changed after construction.</summary>
internal abstract class Node(ConfigOrigin origin)
{
    private static int _nextId;

    /// <summary>Where the value was written.</summary>
    public ConfigOrigin Origin { get; } = origin;

    /// <summary>Identity used to memoise resolution per node instance.</summary>
    public int Id { get; } = Interlocked.Increment(ref _nextId);

    /// <summary>True when the value can only be known after resolving substitutions.</summary>
    public abstract bool NeedsResolution { get; }
}
