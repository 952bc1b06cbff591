namespace EdgeMoE.Actors.Edge.Failures;

/// <summary>
/// One scheduled failure: <paramref name="Kind"/> hits <paramref name="Target"/> (a server index for crash-server and
/// slow-link, an edge-node index for crash-node and partition) from slot <paramref name="FromSlot"/> until slot
/// <paramref name="UntilSlot"/> (exclusive: recovery, heal or the link's return to full rate), or for good when null.
/// </summary>
/// <param name="Kind">What happens.</param>
/// <param name="Target">Server or node index (≥ 0).</param>
/// <param name="FromSlot">First slot affected (≥ 0).</param>
/// <param name="UntilSlot">First slot no longer affected (&gt; <paramref name="FromSlot"/>), or null for the rest of the run.</param>
/// <param name="RateFactor">Slow-link only: the link's rate is multiplied by this, in (0, 1]; 1 otherwise.</param>
public sealed record ScheduledFailure(FailureKind Kind, int Target, long FromSlot, long? UntilSlot, double RateFactor = 1)
{
    /// <summary>True when <paramref name="slot"/> is in the failure's window.</summary>
    public bool Covers(long slot) => slot >= FromSlot && (UntilSlot is null || slot < UntilSlot);

    /// <summary>The kind as written in configuration and events.csv (e.g. <c>crash-node</c>).</summary>
    public string KindName => Name(Kind);

    /// <summary>The configuration name of <paramref name="kind"/>.</summary>
    public static string Name(FailureKind kind) => kind switch
    {
        FailureKind.CrashServer => "crash-server",
        FailureKind.CrashNode => "crash-node",
        FailureKind.Partition => "partition",
        FailureKind.SlowLink => "slow-link",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The target as written in events.csv: <c>server 3</c> or <c>node 1</c>.</summary>
    public string TargetName => Kind is FailureKind.CrashNode or FailureKind.Partition ? $"node {Target}" : $"server {Target}";
}
